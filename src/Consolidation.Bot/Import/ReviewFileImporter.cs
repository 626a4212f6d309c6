using System.Globalization;
using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Import;

/// <summary>
/// The single entry point of the import: reads a task file and, optionally, a member file (.csv or .xlsx),
/// checks them together, and returns the records or every error found. Pure: streams in, records out.
/// </summary>
public static class ReviewFileImporter
{
    /// <param name="knownMemberEmails">Emails of members already registered; an assignee must be one of them or in the member file.</param>
    /// <param name="culture">Chooses the language of the error messages (English for <c>en*</c>, Japanese otherwise).</param>
    public static ImportResult Read(
        Stream tasks,
        string tasksFileName,
        Stream? members,
        string? membersFileName,
        IReadOnlySet<string> knownMemberEmails,
        CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(knownMemberEmails);
        ArgumentNullException.ThrowIfNull(culture);
        var japanese = ImportMessages.IsJapanese(culture);
        var known = new HashSet<string>(knownMemberEmails.Select(Member.NormalizeEmail), StringComparer.Ordinal);

        var memberErrors = new ImportErrorList(membersFileName ?? "", culture);
        IReadOnlyList<Member> memberList = [];
        var memberRows = 0;
        if (members is not null && ReadTable(members, membersFileName ?? "", memberErrors) is { } memberTable)
        {
            (memberList, var emails) = MemberFileReader.Read(memberTable, memberErrors, japanese);
            known.UnionWith(emails);
            memberRows = memberTable.Rows.Count;
        }

        var taskErrors = new ImportErrorList(tasksFileName, culture);
        IReadOnlyList<TaskDefinition> taskList = [];
        var taskRows = 0;
        if (ReadTable(tasks, tasksFileName, taskErrors) is { } taskTable)
        {
            taskList = TaskFileReader.Read(taskTable, known, taskErrors, japanese);
            taskRows = taskTable.Rows.Count;
        }

        var errors = taskErrors.Errors.Concat(memberErrors.Errors).ToList();
        return new ImportResult
        {
            Tasks = errors.Count == 0 ? taskList : [],
            Members = errors.Count == 0 ? memberList : [],
            Errors = errors,
            TaskRowCount = taskRows,
            MemberRowCount = memberRows,
        };
    }

    private static ImportTable? ReadTable(Stream content, string fileName, ImportErrorList errors)
    {
        var result = TableFileReader.Read(content, fileName);
        if (result.Table is null)
        {
            errors.Add(0, "", result.FailureCode ?? ImportErrorCodes.UnreadableFile, result.Detail ?? "");
        }

        return result.Table;
    }
}
