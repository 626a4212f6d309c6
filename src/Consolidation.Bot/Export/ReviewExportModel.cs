using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Export;

/// <summary>Everything the review workbook shows, loaded by the caller; the writer does no I/O besides the output stream.</summary>
public sealed record ReviewExportModel
{
    public required IReadOnlyList<ReviewTask> Tasks { get; init; }

    /// <summary>Display names by normalised email (see <see cref="Member.NormalizeEmail"/>); unknown emails are shown as they are.</summary>
    public IReadOnlyDictionary<string, string> MemberNames { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<StageWindow> Windows { get; init; } = [];

    public IReadOnlyList<HistoryRow> History { get; init; } = [];

    /// <summary>The review's time zone: every date in the workbook is local time there (instants are stored in UTC).</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    public string DisplayName(string email) =>
        MemberNames.TryGetValue(Member.NormalizeEmail(email), out var name) ? name : email;
}

/// <summary>One line of a task's history: an answer, a reassignment, an override… as the caller summarises it.</summary>
/// <remarks>A review-wide audit entry has no task id and no card version.</remarks>
public sealed record HistoryRow(string TaskId, DateTimeOffset At, string By, string Kind, string Stage, int? CardVersion, string Summary, bool Late);
