namespace Consolidation.Bot.Domain;

/// <summary>A change to the review as a whole (not to one task, whose changes are <see cref="HistoryEntry"/>).</summary>
public enum AuditKind
{
    StageOpened,
    StageClosed,
    Imported,
    CouncilRegistered,

    /// <summary>A member no card could reach, the first time it happened.</summary>
    MemberUnreachable,

    /// <summary>The secretariat declared a revisit event: the continue-later tasks with its trigger began a new round.</summary>
    RoundStarted,
}

/// <summary>
/// One entry of the review's audit trail: what happened, who did it (an email; <see cref="System"/> for the bot itself,
/// <see cref="CommandLine"/> for the command-line verbs), when, and what it concerned, in the review's language
/// (Japanese: it is read in the export's history sheet beside the tasks' history). Append-only.
/// </summary>
public sealed record AuditEntry(AuditKind Kind, string By, DateTimeOffset At, string Detail, Stage? Stage = null)
{
    public const string System = "（ボット）";
    public const string CommandLine = "（コマンド）";
}
