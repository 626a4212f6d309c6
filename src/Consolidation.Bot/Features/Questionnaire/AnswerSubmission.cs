using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Review;

namespace Consolidation.Bot.Features.Questionnaire;

/// <summary>How one submitted answer ended; the card handlers map it to a card, the batch handler to a row.</summary>
public enum AnswerOutcome
{
    /// <summary>Stored with its history entry.</summary>
    Accepted,

    /// <summary>This very submission was stored before (Teams redelivered it): nothing new written.</summary>
    Duplicate,

    /// <summary>The card is out of date: the task was answered, reopened, reassigned or changed since it was built.</summary>
    Stale,

    /// <summary>The sender is not the task's assignee for that stage.</summary>
    NotYours,

    /// <summary>The stage is closed (or not open) for the task's subcommittee.</summary>
    Closed,

    /// <summary>The input does not make a valid answer (see <see cref="AnswerSubmissionResult.FieldErrors"/>).</summary>
    Invalid,

    /// <summary>No such task in the review.</summary>
    NotFound,
}

/// <summary>The outcome and the task as it stands afterwards (for the card that shows it).</summary>
public sealed record AnswerSubmissionResult(AnswerOutcome Outcome, ReviewTask? Task, IReadOnlyDictionary<string, string>? FieldErrors = null)
{
    /// <summary>Counted in <c>bot.answers</c> by this name.</summary>
    public string MetricName => Outcome switch
    {
        AnswerOutcome.NotYours => "not_assignee",
        AnswerOutcome.NotFound => "not_found",
        AnswerOutcome.Closed => "stage_closed",
        _ => Outcome.ToString().ToLowerInvariant(),
    };
}

/// <summary>
/// Submitting one answer to one task, the one place that decides it: the assignee check, the stale check (re-read from
/// storage when the turn's copy came from this instance's memory), redelivery detection, and the decision committed
/// with its history. The questionnaire card and the rough-selection batch card both come through here, so a task
/// answered on either is answered under the same guarantees (its own version, its own history row).
/// </summary>
public sealed class AnswerSubmission(IAnswerRecords records, ILogger<AnswerSubmission> logger)
{
    /// <param name="answer">The answer read from the card; null when the card's input did not parse (the caller has the errors).</param>
    public async Task<AnswerSubmissionResult> SubmitAsync(
        ActiveReviewContext context, Member member, ReviewTask task, Stage stage, int version, StageAnswer? answer, CancellationToken cancellationToken)
    {
        if (!task.IsAssignee(stage, member.Email))
        {
            Log.DecisionRefused(logger, task.Id, member.Email, nameof(DecisionError.NotAssignee));
            return new AnswerSubmissionResult(AnswerOutcome.NotYours, task);
        }

        var readInThisTurn = context.Stored?.GetValueOrDefault(task.Id);
        if ((task.Stage != stage || task.State.Version != version) && context.SenderScoped)
        {
            // The sender's tasks may come from this instance's memory: refuse only on what storage holds now.
            task = await records.StoredTaskAsync(context.ReviewId, task.Id, cancellationToken) ?? task;
            readInThisTurn = null;
        }

        if (task.Stage != stage || task.State.Version != version)
        {
            // A redelivery is the same answer by the same member to the same card version; input that did not parse was never stored.
            if (answer is not null && task.State.OutcomeOf(stage) is not null
                && await records.IsAnswerStoredAsync(context.ReviewId, task.Id, version, member, answer, cancellationToken))
            {
                Log.DuplicateSubmission(logger, task.Id, member.Email);
                return new AnswerSubmissionResult(AnswerOutcome.Duplicate, task);
            }

            return new AnswerSubmissionResult(AnswerOutcome.Stale, task);
        }

        if (answer is null)
        {
            return new AnswerSubmissionResult(AnswerOutcome.Invalid, task);
        }

        var input = readInThisTurn is null ? null : new DecisionInput(readInThisTurn, context.Snapshot.Windows);
        var result = await records.DecideAsync(context.ReviewId, member, task.Id, answer, version, input, cancellationToken);
        return result.Status switch
        {
            SubmissionStatus.Accepted => new AnswerSubmissionResult(AnswerOutcome.Accepted, result.Task),
            SubmissionStatus.Duplicate when result.Task?.State.OutcomeOf(stage) is not null => new AnswerSubmissionResult(AnswerOutcome.Duplicate, result.Task),
            SubmissionStatus.NotFound => new AnswerSubmissionResult(AnswerOutcome.NotFound, null),
            SubmissionStatus.Refused => result.Error switch
            {
                DecisionError.Invalid => new AnswerSubmissionResult(AnswerOutcome.Invalid, result.Task ?? task, result.Decision!.FieldErrors),
                DecisionError.NotAssignee => new AnswerSubmissionResult(AnswerOutcome.NotYours, result.Task ?? task),
                DecisionError.StageClosed or DecisionError.StageNotOpen => new AnswerSubmissionResult(AnswerOutcome.Closed, result.Task ?? task),
                _ => new AnswerSubmissionResult(AnswerOutcome.Stale, result.Task ?? task),
            },
            _ => new AnswerSubmissionResult(AnswerOutcome.Stale, result.Task ?? task),
        };
    }

    /// <summary>
    /// After answers were stored: queues the member's next card when anything still waits for them (the answered tasks
    /// count as they are now: one may have moved into an open stage that is theirs too). Returns whether one was queued.
    /// The answers are stored: a failure to queue must not turn into "nothing was stored"; the sweep
    /// (<see cref="NextCardSweeper"/>) finds the member owed a card and queues it.
    /// </summary>
    public async Task<bool> QueueNextCardAsync(ActiveReviewContext context, Member member, IReadOnlyCollection<ReviewTask> answered, string tenantId, CancellationToken cancellationToken)
    {
        var now = answered.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var afterAnswers = context.Snapshot with { Tasks = [.. context.Snapshot.Tasks.Select(t => now.GetValueOrDefault(t.Id) ?? t)] };
        if (QuestionnaireComposer.OpenTasksOf(afterAnswers, member.Email).Count == 0
            && ReviewQueries.AwaitingBureauView(afterAnswers.Tasks, afterAnswers.Windows, member).Count == 0)
        {
            return false;
        }

        try
        {
            await records.QueueNextCardAsync(new Outbox.OutboxMessage { Kind = Outbox.OutboxMessage.NextCard, ReviewId = context.ReviewId, TenantId = tenantId, Email = member.Email }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.NextCardNotQueued(logger, answered.FirstOrDefault()?.Id ?? "", ex);
        }

        return true;
    }
}
