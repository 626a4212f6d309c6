using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Import;

/// <summary>Maps the rows of a task file to <see cref="TaskDefinition"/>s, reporting every problem it finds.</summary>
internal static class TaskFileReader
{
    /// <param name="knownEmails">Normalised emails an assignee may have (members in the file plus those already known).</param>
    public static IReadOnlyList<TaskDefinition> Read(ImportTable table, IReadOnlySet<string> knownEmails, ImportErrorList errors, bool defaultJapanese)
    {
        var map = HeaderMap.Resolve(table.Headers, TaskColumns.All, defaultJapanese);
        if (!RowChecks.HeaderIsComplete(table, map, errors))
        {
            return [];
        }

        var firstRowOfId = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var tasks = new List<TaskDefinition>();
        foreach (var row in table.Rows)
        {
            var before = errors.Count;
            var task = ReadRow(row, map, errors);
            CheckDuplicate(row, map, task?.Id, firstRowOfId, errors);
            CheckAssignee(row, map, task?.Assignee, knownEmails, errors);
            if (task is not null && errors.Count == before)
            {
                tasks.Add(task);
            }
        }

        return tasks;
    }

    private static TaskDefinition? ReadRow(ImportRow row, HeaderMap map, ImportErrorList errors)
    {
        var id = RowChecks.TaskId(row, map, TaskColumns.Id, errors);
        var name = RowChecks.Required(row, map, TaskColumns.Name, errors);
        var bureau = RowChecks.Required(row, map, TaskColumns.Bureau, errors);
        var subcommittee = RowChecks.Subcommittee(row, map, TaskColumns.Subcommittee, errors);
        var assignee = RowChecks.Email(row, map, TaskColumns.Assignee, errors);
        var theme = RowChecks.Theme(row, map, TaskColumns.Theme, errors);
        var cases = RowChecks.Count(row, map, TaskColumns.AnnualCases, errors);
        var hours = RowChecks.Hours(row, map, TaskColumns.StaffHours, errors);
        var standard = map.Cell(row, TaskColumns.StandardBusiness);
        if (id.Length == 0 || name.Length == 0 || bureau.Length == 0 || subcommittee is null || assignee is null)
        {
            return null;
        }

        return new TaskDefinition
        {
            Id = id,
            Name = name,
            Bureau = bureau,
            Subcommittee = subcommittee.Value,
            Assignee = assignee,
            Theme = theme,
            StandardBusiness = standard.Length == 0 ? null : standard,
            AnnualCases = cases,
            StaffHours = hours,
        };
    }

    private static void CheckDuplicate(ImportRow row, HeaderMap map, string? id, Dictionary<string, int> firstRowOfId, ImportErrorList errors)
    {
        id ??= CellParsers.NormalizeId(map.Cell(row, TaskColumns.Id));
        if (id.Length == 0)
        {
            return;
        }

        if (firstRowOfId.TryGetValue(id, out var first))
        {
            errors.Add(row.Number, map.HeaderOf(TaskColumns.Id), ImportErrorCodes.DuplicateId, id, RowChecks.Number(first));
        }
        else
        {
            firstRowOfId[id] = row.Number;
        }
    }

    private static void CheckAssignee(ImportRow row, HeaderMap map, string? assignee, IReadOnlySet<string> knownEmails, ImportErrorList errors)
    {
        if (assignee is not null && !knownEmails.Contains(assignee))
        {
            errors.Add(row.Number, map.HeaderOf(TaskColumns.Assignee), ImportErrorCodes.UnknownAssignee, assignee);
        }
    }
}
