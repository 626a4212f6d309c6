using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Features.Status.Understanding;

/// <summary>What a status question asks for.</summary>
public enum StatusIntentKind
{
    /// <summary>The whole review: the funnel, open stages, overdue.</summary>
    Overall,

    /// <summary>One subcommittee's funnel and progress.</summary>
    Subcommittee,

    /// <summary>One stage across subcommittees.</summary>
    Stage,

    /// <summary>Tasks past their deadline without an answer.</summary>
    Overdue,

    /// <summary>Who has not answered (per member).</summary>
    NotAnswered,

    /// <summary>One task's record and history.</summary>
    Task,

    /// <summary>The asker's own open tasks.</summary>
    MyTasks,

    /// <summary>Continue-later tasks by their revisit trigger.</summary>
    Revisit,

    /// <summary>What can be asked.</summary>
    Help,

    /// <summary>How many tasks (or which) have one outcome of the funnel (除外, 検討対象, 検討終了 ...).</summary>
    Outcome,
}

/// <summary>Which end of a comparison across subcommittees is asked for.</summary>
public enum CompareKind
{
    /// <summary>The most of a count, or the furthest ahead in answering.</summary>
    Most,

    /// <summary>The fewest of a count, or the furthest behind in answering.</summary>
    Fewest,
}

/// <summary>How sure a reading is (issue 17: never confidently wrong).</summary>
public enum ReadingConfidence
{
    /// <summary>Every entity was named as written (any of its names, width and kana aside).</summary>
    Exact,

    /// <summary>
    /// The subcommittee was read past a typo (one near name only): the answer says which subcommittee it was read as.
    /// Two near names compete instead: the question is clarified (<see cref="StatusIntent.Candidates"/>).
    /// </summary>
    Approximate,
}

/// <summary>A range of local dates (inclusive) a question limits deadlines to (今週, 来週, 12月20日まで...).</summary>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;
}

/// <summary>
/// A recognised question: its kind and the parameters it named. <see cref="Bureau"/> is the bureau (所管局) as written in
/// the question (see <see cref="BureauMention"/>); it limits counts, the funnel and the waiting lists to that bureau's tasks.
/// <see cref="Destination"/> (集約先) asks how many (or which) WG study targets go there. <see cref="Member"/> is a person
/// named with さん (see <see cref="MemberMention"/>): the answer covers their tasks only. <see cref="SinceLastDigest"/>: the
/// answers given since the last digest was posted. <see cref="Trigger"/>: the revisit list of that trigger only.
/// <see cref="Confidence"/>: how sure the reading is.
/// </summary>
public sealed record StatusIntent(
    StatusIntentKind Kind,
    Subcommittee? Subcommittee = null,
    Stage? Stage = null,
    string? TaskId = null,
    string? NameFragment = null,
    DateRange? Deadlines = null,
    FunnelOutcome? Outcome = null,
    bool List = false,
    IReadOnlyList<Subcommittee>? Candidates = null,
    CompareKind? Compare = null,
    string? Bureau = null,
    Destination? Destination = null,
    string? Member = null,
    bool SinceLastDigest = false,
    RevisitTrigger? Trigger = null,
    ReadingConfidence Confidence = ReadingConfidence.Exact)
{
    /// <summary>More than one subcommittee was named: the question must be clarified, never answered for one of them.</summary>
    public bool IsAmbiguous => Candidates is { Count: > 1 };
}
