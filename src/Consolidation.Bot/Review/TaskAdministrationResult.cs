using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Review;

/// <summary>What came of a secretariat's change to a task (chat, tab and command line map it to their own words).</summary>
public enum TaskAdministrationOutcome
{
    Done,
    NotSecretariat,
    TaskNotFound,
    MemberNotFound,

    /// <summary>The name matched several members (<see cref="TaskAdministrationResult.Candidates"/>): say which.</summary>
    MemberAmbiguous,

    /// <summary>The rules refuse it: the stage was answered (reassign), nothing to send back (reopen), the task is decided, or it is the same person.</summary>
    NotApplicable,

    /// <summary>A reopen or override without a reason.</summary>
    ReasonRequired,

    /// <summary>The new answer is incomplete (<see cref="TaskAdministrationResult.FieldErrors"/>: field → resource key).</summary>
    Invalid,
}

/// <summary>The outcome, the task as it now stands, the stage acted on, the new assignee, and whether their card was queued.</summary>
public sealed record TaskAdministrationResult(
    TaskAdministrationOutcome Outcome,
    ReviewTask? Task = null,
    Stage? Stage = null,
    Member? Assignee = null,
    IReadOnlyList<Member>? Candidates = null,
    bool CardQueued = false,
    IReadOnlyDictionary<string, string>? FieldErrors = null,
    StageAnswer? Answer = null)
{
    public bool Succeeded => Outcome == TaskAdministrationOutcome.Done;
}
