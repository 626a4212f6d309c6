namespace Consolidation.Bot.Domain;

/// <summary>What kind of change a history entry records.</summary>
public enum HistoryKind
{
    /// <summary>The assignee answered the stage's questionnaire.</summary>
    Answer,

    /// <summary>The secretariat set a stage's decision over the assignee's head.</summary>
    Override,

    /// <summary>The secretariat sent the task back to a stage.</summary>
    Reopen,

    /// <summary>The task entered a stage because the secretariat opened it for the subcommittee.</summary>
    StageOpened,

    /// <summary>The secretariat handed a stage of the task to another member (<see cref="HistoryEntry.Reason"/> says who and why).</summary>
    Reassign,

    /// <summary>
    /// The secretariat took the task's "continue later" up again: a new round began at <see cref="HistoryEntry.Stage"/>
    /// (<see cref="HistoryEntry.Reason"/> names the trigger); the earlier answers stay in the history and on the state.
    /// </summary>
    RoundStarted,

    /// <summary>A bureau contact gave the bureau's view at WG (<see cref="HistoryEntry.Answer"/> is a <see cref="BureauViewAnswer"/>).</summary>
    BureauView,
}

/// <summary>
/// One entry of a task's append-only history: who, when, which card version, what. Written in the same
/// transaction as the task state it produced, so the two never disagree. Nothing is ever overwritten.
/// </summary>
public sealed record HistoryEntry
{
    public required string TaskId { get; init; }
    public required HistoryKind Kind { get; init; }
    public required Stage Stage { get; init; }
    public required string By { get; init; }
    public string? ByAadObjectId { get; init; }
    public required DateTimeOffset At { get; init; }

    /// <summary>The task version the card (or the secretariat) acted on.</summary>
    public required int CardVersion { get; init; }

    /// <summary>The task version this change produced.</summary>
    public required int ResultingVersion { get; init; }

    public StageAnswer? Answer { get; init; }
    public bool Late { get; init; }
    public string? Reason { get; init; }

    /// <summary>A reassignment's previous assignee (email); null for other kinds.</summary>
    public string? AssigneeFrom { get; init; }

    /// <summary>A reassignment's new assignee (email); null for other kinds.</summary>
    public string? AssigneeTo { get; init; }
}
