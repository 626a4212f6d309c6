using System.Globalization;

namespace Consolidation.Bot.Cards.Questionnaire;

/// <summary>
/// The verb, data keys and input ids of the プレWG batch card, shared by <see cref="BatchCard"/> (which writes them) and
/// <see cref="BatchAnswerParser"/> (which reads them). Rows are addressed by their position on the card, so a task id
/// never has to be a valid input id; the card's data lists the tasks and the versions it was built from.
/// </summary>
public static class BatchCardFields
{
    public const string SubmitVerb = CardVerbs.SubmitBatch;

    /// <summary>The tasks on the card in row order: <c>id@version</c>, each id URI-escaped, joined by commas.</summary>
    public const string Tasks = "tasks";

    /// <summary>The most tasks one batch card lists (about ten: a screen or two, well inside Teams' card size).</summary>
    public const int MaxRows = 10;

    /// <summary>A batch reason is a short note; the detailed card takes the long one.</summary>
    public const int MaxReasonLength = 200;

    public static string Decision(int row) => string.Create(CultureInfo.InvariantCulture, $"row{row}Decision");

    public static string Reason(int row) => string.Create(CultureInfo.InvariantCulture, $"row{row}Reason");

    public static string TasksValue(IEnumerable<(string TaskId, int Version)> rows) =>
        string.Join(',', rows.Select(r => Uri.EscapeDataString(r.TaskId) + "@" + r.Version.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The card's rows from <see cref="Tasks"/>; null when the value is missing or malformed (not our card).</summary>
    public static IReadOnlyList<(string TaskId, int Version)>? ParseTasks(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var rows = new List<(string TaskId, int Version)>();
        foreach (var part in value.Split(','))
        {
            var at = part.LastIndexOf('@');
            if (at <= 0 || !int.TryParse(part.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                return null;
            }

            rows.Add((Uri.UnescapeDataString(part[..at]), version));
        }

        return rows.Count is > 0 and <= MaxRows && rows.Select(r => r.TaskId).Distinct(StringComparer.Ordinal).Count() == rows.Count ? rows : null;
    }
}
