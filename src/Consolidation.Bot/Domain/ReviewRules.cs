namespace Consolidation.Bot.Domain;

/// <summary>Why a decision was refused.</summary>
public enum DecisionError
{
    None,

    /// <summary>The actor is not the task's assignee for that stage.</summary>
    NotAssignee,

    /// <summary>Only the secretariat may override or reopen.</summary>
    NotSecretariat,

    /// <summary>The card is out of date: the task was answered, reopened or changed since it was built.</summary>
    Stale,

    /// <summary>The stage has not been opened for the task's subcommittee.</summary>
    StageNotOpen,

    /// <summary>The stage was closed by the secretariat: answers are no longer taken.</summary>
    StageClosed,

    /// <summary>Required fields missing or values out of range (see the field errors).</summary>
    Invalid,

    /// <summary>The stage cannot be overridden or reopened: the task never reached it, or a reason is missing.</summary>
    NotApplicable,
}

/// <summary>The result of a decision: the new state, or why not.</summary>
public sealed record DecisionResult
{
    public TaskState? State { get; init; }
    public DecisionError Error { get; init; }
    public IReadOnlyDictionary<string, string> FieldErrors { get; init; } = new Dictionary<string, string>();
    public bool Late { get; init; }

    public bool Accepted => Error == DecisionError.None;

    public static DecisionResult Refused(DecisionError error, IReadOnlyDictionary<string, string>? fieldErrors = null) =>
        new() { Error = error, FieldErrors = fieldErrors ?? new Dictionary<string, string>() };
}

/// <summary>
/// The transition rules of the review (pure). An assignee answers the stage their task is in while it is open;
/// the answer moves the task on (PreWg keep → Wg, exclude → Closed; Wg study target → Suitability, not → Closed;
/// any suitability outcome → Closed). The secretariat may override any stage the task reached, or reopen it, always
/// with a reason; both clear the later stages' outcomes (the history keeps everything).
/// </summary>
public static class ReviewRules
{
    public static DecisionResult Answer(ReviewTask task, Member actor, StageAnswer answer, int cardVersion, StageWindow? window, DateTimeOffset now)
    {
        var state = task.State;
        if (cardVersion != state.Version || state.Stage != answer.Stage)
        {
            return DecisionResult.Refused(DecisionError.Stale);
        }

        if (!task.IsAssignee(answer.Stage, actor.Email))
        {
            return DecisionResult.Refused(DecisionError.NotAssignee);
        }

        if (WindowAndInput(task, answer, window) is { } refused)
        {
            return refused;
        }

        var late = now > window!.Deadline;
        var outcome = new StageOutcome { Answer = answer, AnsweredBy = actor.Email, AnsweredAt = now, Late = late };
        return new DecisionResult { State = Apply(state, outcome, now), Late = late };
    }

    public static DecisionResult Override(ReviewTask task, Member actor, StageAnswer answer, string? reason, DateTimeOffset now)
    {
        if (!actor.IsSecretariat)
        {
            return DecisionResult.Refused(DecisionError.NotSecretariat);
        }

        if (string.IsNullOrWhiteSpace(reason) || !Reached(task.State, answer.Stage))
        {
            return DecisionResult.Refused(DecisionError.NotApplicable);
        }

        var fieldErrors = answer.Validate();
        if (fieldErrors.Count > 0)
        {
            return DecisionResult.Refused(DecisionError.Invalid, fieldErrors);
        }

        var outcome = new StageOutcome
        {
            Answer = answer,
            AnsweredBy = actor.Email,
            AnsweredAt = now,
            Override = true,
            OverrideReason = reason.Trim(),
        };
        return new DecisionResult { State = Apply(ClearFrom(task.State, answer.Stage), outcome, now) };
    }

    public static DecisionResult Reopen(ReviewTask task, Member actor, Stage stage, string? reason, DateTimeOffset now)
    {
        if (!actor.IsSecretariat)
        {
            return DecisionResult.Refused(DecisionError.NotSecretariat);
        }

        if (string.IsNullOrWhiteSpace(reason) || !Stages.Screening.Contains(stage) || task.State.OutcomeOf(stage) is null)
        {
            return DecisionResult.Refused(DecisionError.NotApplicable);
        }

        var state = ClearFrom(task.State, stage) with { Stage = stage, Version = task.State.Version + 1, UpdatedAt = now };
        return new DecisionResult { State = state };
    }

    /// <summary>
    /// The secretariat hands one screening stage of a task to another member: a stage not answered yet (an answered one
    /// is overridden or reopened instead) of a task not yet decided. The version moves on, so a card the previous
    /// assignee still holds is refused as out of date.
    /// </summary>
    public static DecisionResult Reassign(ReviewTask task, Member actor, Stage stage, Member to, DateTimeOffset now)
    {
        if (!actor.IsSecretariat)
        {
            return DecisionResult.Refused(DecisionError.NotSecretariat);
        }

        if (!Stages.Screening.Contains(stage) || task.Stage == Stage.Closed || task.State.OutcomeOf(stage) is not null
            || task.IsAssignee(stage, to.Email))
        {
            return DecisionResult.Refused(DecisionError.NotApplicable);
        }

        var reassigned = new Dictionary<Stage, string>(task.State.Reassigned) { [stage] = to.Email };
        return new DecisionResult { State = task.State with { Reassigned = reassigned, Version = task.State.Version + 1, UpdatedAt = now } };
    }

    /// <summary>
    /// The one rule for "this task waits for this revisit event": its 適否 said continue later with this trigger (for
    /// <see cref="RevisitTrigger.Date"/>: a revisit date on or before <paramref name="today"/>, the review's day) and it
    /// has not been taken up again since.
    /// </summary>
    public static bool WaitsFor(TaskState state, RevisitTrigger trigger, DateOnly today) =>
        state.Stage == Stage.Closed
        && state.Suitability?.Answer is SuitabilityAnswer { Decision: SuitabilityDecision.ContinueLater } answer
        && answer.Trigger == trigger
        && (trigger != RevisitTrigger.Date || answer.RevisitDate is { } date && date <= today);

    /// <summary>
    /// The secretariat takes a continue-later task up again (再検討): a new round begins at <paramref name="stage"/> (WG or
    /// 適否). This round's WG and 適否 outcomes are kept as an earlier round, the stages from <paramref name="stage"/> on are
    /// cleared for the new answers, and the version moves on.
    /// </summary>
    public static DecisionResult StartRound(ReviewTask task, Member actor, RevisitTrigger trigger, Stage stage, DateOnly today, DateTimeOffset now)
    {
        if (!actor.IsSecretariat)
        {
            return DecisionResult.Refused(DecisionError.NotSecretariat);
        }

        if (stage is not (Stage.Wg or Stage.Suitability) || !WaitsFor(task.State, trigger, today))
        {
            return DecisionResult.Refused(DecisionError.NotApplicable);
        }

        var state = task.State;
        var earlier = new RoundRecord(state.Round, state.Wg, state.Suitability, state.BureauView);
        var next = ClearFrom(state, stage) with
        {
            // WG asked again asks the bureau again; a round at 適否 keeps the WG's view (the WG is not held again).
            BureauView = stage == Stage.Wg ? null : state.BureauView,
            Stage = stage,
            Round = state.Round + 1,
            EarlierRounds = [.. state.EarlierRounds, earlier],
            Version = state.Version + 1,
            UpdatedAt = now,
        };
        return new DecisionResult { State = next };
    }

    /// <summary>
    /// A bureau contact gives the bureau's view on a task at WG, beside the 担当区長's decision (before or after it), while
    /// WG is open for the task's subcommittee; once per round (a second view is refused as already given). The version does
    /// not move: the 担当区長's card stays current.
    /// </summary>
    public static DecisionResult RecordBureauView(ReviewTask task, Member actor, BureauViewAnswer answer, int round, StageWindow? window, DateTimeOffset now)
    {
        var state = task.State;
        if (!actor.IsBureauContactFor(task.Definition))
        {
            return DecisionResult.Refused(DecisionError.NotAssignee);
        }

        if (round != state.Round || state.BureauView is not null || !Reached(state, Stage.Wg) || state.Stage == Stage.PreWg)
        {
            return DecisionResult.Refused(DecisionError.Stale);
        }

        if (WindowAndInput(task, answer, window) is { } refused)
        {
            return refused;
        }

        var outcome = new StageOutcome { Answer = answer, AnsweredBy = actor.Email, AnsweredAt = now, Late = now > window!.Deadline };
        return new DecisionResult { State = state with { BureauView = outcome, UpdatedAt = now }, Late = outcome.Late };
    }

    /// <summary>
    /// The checks an answer and a bureau view share once the card is current and the actor may answer: the stage's window
    /// for the task's subcommittee exists and is open, and the input is valid. Null when all hold.
    /// </summary>
    private static DecisionResult? WindowAndInput(ReviewTask task, StageAnswer answer, StageWindow? window)
    {
        if (window is null || window.Stage != answer.Stage || window.Subcommittee != task.Subcommittee)
        {
            return DecisionResult.Refused(DecisionError.StageNotOpen);
        }

        if (!window.IsOpen)
        {
            return DecisionResult.Refused(DecisionError.StageClosed);
        }

        var fieldErrors = answer.Validate();
        return fieldErrors.Count > 0 ? DecisionResult.Refused(DecisionError.Invalid, fieldErrors) : null;
    }

    /// <summary>Puts a task of the inventory into the pre-WG stage (the first stage is opened for its subcommittee).</summary>
    public static TaskState EnterFirstStage(TaskState state, DateTimeOffset now) =>
        state.Stage == Stage.Inventory ? state with { Stage = Stage.PreWg, Version = state.Version + 1, UpdatedAt = now } : state;

    /// <summary>True when the task is in <paramref name="stage"/> now or has an outcome for it.</summary>
    public static bool Reached(TaskState state, Stage stage) => state.Stage == stage || state.OutcomeOf(stage) is not null;

    private static TaskState Apply(TaskState state, StageOutcome outcome, DateTimeOffset now) =>
        state.WithOutcome(outcome.Answer.Stage, outcome) with
        {
            Stage = outcome.Answer.NextStage,
            Version = state.Version + 1,
            UpdatedAt = now,
        };

    private static TaskState ClearFrom(TaskState state, Stage stage)
    {
        foreach (var s in Stages.Screening.Where(s => s >= stage))
        {
            state = state.WithOutcome(s, null);
        }

        return state;
    }
}
