namespace Consolidation.Bot.Domain;

/// <summary>
/// What the import defines about a task (事務): identity, ownership and volume. Answers never change it;
/// a re-import or the secretariat's reassignment does.
/// </summary>
public sealed record TaskDefinition
{
    /// <summary>
    /// The one empty stage → email map every definition and state without one shares: 100,000 tasks are kept in memory,
    /// and a map each (allocated again on every read) was most of a state's size.
    /// </summary>
    public static readonly IReadOnlyDictionary<Stage, string> NoStageEmails = System.Collections.ObjectModel.ReadOnlyDictionary<Stage, string>.Empty;

    public required string Id { get; init; }
    public required string Name { get; init; }

    /// <summary>所管局: the bureau in charge.</summary>
    public required string Bureau { get; init; }

    public required Subcommittee Subcommittee { get; init; }

    /// <summary>Email of the member who answers this task's questionnaires (usually the ward head in charge).</summary>
    public required string Assignee { get; init => field = Member.NormalizeEmail(value); }

    /// <summary>Per-stage reassignments by the secretariat (stage → email); the default is <see cref="Assignee"/>.</summary>
    public IReadOnlyDictionary<Stage, string> StageAssignees { get; init => field = Normalized(value); } = NoStageEmails;

    public PrecedingTheme? Theme { get; init; }

    /// <summary>標準化対象事務: the related standardized business (住民記録, 戸籍, 税 ...).</summary>
    public string? StandardBusiness { get; init; }

    public int? AnnualCases { get; init; }

    public decimal? StaffHours { get; init; }

    public string AssigneeFor(Stage stage) => StageAssignees.TryGetValue(stage, out var email) ? email : Assignee;

    /// <summary>Stage → email with every email normalised (the same instance when they already are).</summary>
    internal static IReadOnlyDictionary<Stage, string> Normalized(IReadOnlyDictionary<Stage, string> emails) =>
        emails.All(e => e.Value == Member.NormalizeEmail(e.Value)) ? emails : emails.ToDictionary(e => e.Key, e => Member.NormalizeEmail(e.Value));

    /// <summary>Value equality, including the per-stage assignees (a record would compare the dictionary by reference).</summary>
    public bool Equals(TaskDefinition? other) =>
        other is not null
        && Id == other.Id && Name == other.Name && Bureau == other.Bureau && Subcommittee == other.Subcommittee
        && Assignee == other.Assignee && Theme == other.Theme && StandardBusiness == other.StandardBusiness
        && AnnualCases == other.AnnualCases && StaffHours == other.StaffHours
        && StageAssignees.Count == other.StageAssignees.Count
        && StageAssignees.All(kv => other.StageAssignees.TryGetValue(kv.Key, out var v) && v == kv.Value);

    public override int GetHashCode() => HashCode.Combine(Id, Name, Bureau, Subcommittee, Assignee, Theme, AnnualCases);
}

/// <summary>One stage's accepted answer: what, who, when, and whether it was late or an override.</summary>
public sealed record StageOutcome
{
    public required StageAnswer Answer { get; init; }
    public required string AnsweredBy { get; init => field = Member.NormalizeEmail(value); }
    public required DateTimeOffset AnsweredAt { get; init; }

    /// <summary>Answered after the stage deadline (accepted; the secretariat decides what it means).</summary>
    public bool Late { get; init; }

    /// <summary>Set by the secretariat over the assignee's head; <see cref="OverrideReason"/> says why.</summary>
    public bool Override { get; init; }

    public string? OverrideReason { get; init; }
}

/// <summary>Where a task stands: its stage, the accepted outcome of each stage, and a version that every change bumps.</summary>
public sealed record TaskState
{
    public required string TaskId { get; init; }
    public Stage Stage { get; init; } = Stage.Inventory;
    public StageOutcome? PreWg { get; init; }
    public StageOutcome? Wg { get; init; }
    public StageOutcome? Suitability { get; init; }

    /// <summary>
    /// This round's view of the bureau in charge at WG (<see cref="BureauViewAnswer"/>), beside the 担当区長's decision.
    /// Recording it does not move <see cref="Version"/>: the 担当区長's card stays current (the state row's ETag still
    /// guards concurrent writes).
    /// </summary>
    public StageOutcome? BureauView { get; init; }

    /// <summary>Starts at 1 and grows with every accepted change; a card carries the version it was built from.</summary>
    public int Version { get; init; } = 1;

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>
    /// Stages the secretariat handed to someone else (email per stage), over the imported assignees. Kept on the state,
    /// not the definition, so a reassignment is versioned and written with its history entry in one transaction, and a
    /// card sent to the previous assignee goes stale.
    /// </summary>
    public IReadOnlyDictionary<Stage, string> Reassigned { get; init => field = TaskDefinition.Normalized(value); } = TaskDefinition.NoStageEmails;

    /// <summary>
    /// Which round of the review the task is in: 1, then one more each time the secretariat takes its "continue later"
    /// up again (再検討). The outcomes above are this round's; the earlier rounds' are in <see cref="EarlierRounds"/>.
    /// </summary>
    public int Round { get; init; } = 1;

    /// <summary>The WG and 適否 outcomes of each earlier round as they stood when the next began (round 1 first).</summary>
    public IReadOnlyList<RoundRecord> EarlierRounds { get; init; } = [];

    /// <summary>The outcome <paramref name="stage"/> had in round 1: the review's own funnel counts round 1 only.</summary>
    public StageOutcome? FirstRoundOutcomeOf(Stage stage) =>
        EarlierRounds.Count == 0 || stage == Stage.PreWg ? OutcomeOf(stage)
        : stage == Stage.Wg ? EarlierRounds[0].Wg
        : EarlierRounds[0].Suitability;

    public static TaskState New(string taskId) => new() { TaskId = taskId };

    /// <summary>Value equality, the reassignments included (a record would compare the dictionary by reference).</summary>
    public bool Equals(TaskState? other) =>
        other is not null && TaskId == other.TaskId && Stage == other.Stage && PreWg == other.PreWg && Wg == other.Wg
        && Suitability == other.Suitability && BureauView == other.BureauView && Version == other.Version && UpdatedAt == other.UpdatedAt
        && Reassigned.Count == other.Reassigned.Count
        && Reassigned.All(r => other.Reassigned.TryGetValue(r.Key, out var email) && email == r.Value)
        && Round == other.Round && EarlierRounds.SequenceEqual(other.EarlierRounds);

    public override int GetHashCode() => HashCode.Combine(TaskId, Stage, Version);

    public StageOutcome? OutcomeOf(Stage stage) => stage switch
    {
        Stage.PreWg => PreWg,
        Stage.Wg => Wg,
        Stage.Suitability => Suitability,
        _ => null,
    };

    internal TaskState WithOutcome(Stage stage, StageOutcome? outcome) => stage switch
    {
        Stage.PreWg => this with { PreWg = outcome },
        Stage.Wg => this with { Wg = outcome },
        Stage.Suitability => this with { Suitability = outcome },
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };
}

/// <summary>One earlier round of a task: its number, and its WG and 適否 outcomes when the next round began.</summary>
public sealed record RoundRecord(int Round, StageOutcome? Wg, StageOutcome? Suitability, StageOutcome? BureauView = null);

/// <summary>A task with where it stands.</summary>
public sealed record ReviewTask(TaskDefinition Definition, TaskState State)
{
    public string Id => Definition.Id;

    public Stage Stage => State.Stage;

    public Subcommittee Subcommittee => Definition.Subcommittee;

    /// <summary>Who answers <paramref name="stage"/>: the secretariat's reassignment if any, else the imported assignee.</summary>
    public string AssigneeFor(Stage stage) =>
        State.Reassigned.TryGetValue(stage, out var email) ? email : Definition.AssigneeFor(stage);

    /// <summary>The one rule for "is this person the assignee of this stage" (emails compared normalised).</summary>
    public bool IsAssignee(Stage stage, string email) =>
        string.Equals(AssigneeFor(stage), Member.NormalizeEmail(email), StringComparison.Ordinal);
}

/// <summary>A stage opened for a subcommittee by the secretariat, with its deadline (a UTC instant).</summary>
public sealed record StageWindow
{
    public required Stage Stage { get; init; }
    public required Subcommittee Subcommittee { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
    public required DateTimeOffset Deadline { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Which card a pre-WG window sends (the secretariat's choice when opening it); detailed for the other stages.</summary>
    public PreWgCardMode CardMode { get; init; }

    public bool IsOpen => ClosedAt is null;
}

/// <summary>
/// The card プレWG is answered on. The policy calls プレWG the rough selection of candidates (候補選定（粗い選定）) by the 担当区長,
/// so a ward head with many tasks may get them about ten at a time, each kept or excluded with a short reason, and still
/// open the detailed card of any task they want to look at closely.
/// </summary>
public enum PreWgCardMode
{
    /// <summary>One task per card, every question of the stage.</summary>
    Detailed,

    /// <summary>About ten tasks per card, keep / exclude and an optional reason each, one submit.</summary>
    Batch,
}
