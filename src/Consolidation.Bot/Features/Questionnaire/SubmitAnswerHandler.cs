using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review;
using Consolidation.Bot.Routing;

namespace Consolidation.Bot.Features.Questionnaire;

/// <summary>
/// <c>submitAnswer</c> (Action.Execute, or Action.Submit from old clients): validate, store (history + new state in one
/// transaction), answer with the read-only answered card, and queue the member's next card. Refusals answer with a
/// clear card and store nothing: someone else's task, a stale card, a closed stage, invalid input (same card, errors
/// shown, typed values kept). A redelivered submission is stored once and answered with the same answered card.
/// </summary>
public sealed class SubmitAnswerHandler(
    ActiveReviewLoader loader,
    DecisionService decisions,
    Review.Storage.ReviewRepository repository,
    QuestionnaireComposer composer,
    TaskCards cards,
    OutboxClient outbox,
    BotMetrics metrics,
    ILogger<SubmitAnswerHandler> logger) : ITurnHandler
{
    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var action = turn.CardAction!;
        var context = await loader.LoadForAnswerAsync(turn, cancellationToken);
        if (context is null)
        {
            return Counted("no_review", InvokeResponses.Message(turn.Text[nameof(Strings.Review_NotLoaded)]));
        }

        if (CardActionGuard.Check(turn, context, logger) is { } refused)
        {
            return Counted("not_member_or_earlier_review", refused);
        }

        var taskId = action.Get(QuestionnaireFields.TaskId) ?? "";
        var task = await loader.FindTaskAsync(context, taskId, cancellationToken);
        if (task is null || !int.TryParse(action.Get(QuestionnaireFields.Version), out var version)
            || !Enum.TryParse<Stage>(action.Get(QuestionnaireFields.Stage), out var stage) || !Stages.Screening.Contains(stage))
        {
            return Counted("not_found", InvokeResponses.Message(turn.Text.Format(nameof(Strings.Task_NotFound), taskId)));
        }

        var userId = turn.From.Id;
        if (context.Sender is not { } member
            || !task.IsAssignee(stage, member.Email))
        {
            Log.DecisionRefused(logger, taskId, context.Sender?.Email, nameof(DecisionError.NotAssignee));
            return Counted("not_assignee", InvokeResponses.Card(NotYourTaskCard.Build(new NotYourTaskCardModel(TaskSummary.From(task.Definition), turn.Text))));
        }

        if ((task.Stage != stage || task.State.Version != version) && context.SenderScoped)
        {
            // The sender's tasks may come from this instance's memory: refuse only on what storage holds now.
            task = (await repository.GetTaskAsync(context.ReviewId, taskId, cancellationToken))?.Task ?? task;
            context = context with { Stored = null };
        }

        if (task.Stage != stage || task.State.Version != version)
        {
            // A redelivery of an answer that was stored: the same answered card again, nothing written.
            if (task.State.OutcomeOf(stage) is not null
                && await repository.IsStoredAsync(context.ReviewId, SubmissionKey(taskId, version, member), cancellationToken))
            {
                Log.DuplicateSubmission(logger, taskId, member.Email);
                return Counted("duplicate", InvokeResponses.Card(cards.Answered(context.Snapshot, task, stage, userId, turn.Text)));
            }

            return Counted("stale", Refused(context, task, member, userId, DecisionError.Stale, stage, turn.Text));
        }

        var parsed = AnswerParser.Parse(stage, action.Get);
        if (!parsed.IsValid)
        {
            return Counted("invalid", WithErrors(context, task, member, userId, parsed.Values, parsed.Errors, turn.Text));
        }

        var readInThisTurn = context.Stored?.GetValueOrDefault(taskId) is { } stored ? new DecisionInput(stored, context.Snapshot.Windows) : null;
        var result = await decisions.AnswerAsync(context.ReviewId, member, taskId, parsed.Answer!, version, SubmissionKey(taskId, version, member), readInThisTurn, cancellationToken);
        switch (result.Status)
        {
            case SubmissionStatus.Accepted:
                // The next card goes out through the outbox; a member with nothing more to answer needs no message. The
                // answered task counts as it is now: it may have moved into an open stage that is theirs too.
                var afterAnswer = context.Snapshot with { Tasks = context.Snapshot.Tasks.Select(t => t.Id == taskId ? result.Task! : t).ToList() };
                if (QuestionnaireComposer.OpenTasksOf(afterAnswer, member.Email).Count > 0)
                {
                    await QueueNextCardAsync(context.ReviewId, turn.TenantId, member, taskId, cancellationToken);
                }

                return Counted("accepted", InvokeResponses.Card(cards.Answered(context.Snapshot, result.Task!, stage, userId, turn.Text)));
            case SubmissionStatus.Duplicate when result.Task?.State.OutcomeOf(stage) is not null:
                return Counted("duplicate", InvokeResponses.Card(cards.Answered(context.Snapshot, result.Task, stage, userId, turn.Text)));
            case SubmissionStatus.Refused when result.Error == DecisionError.Invalid:
                var errors = result.Decision!.FieldErrors.ToDictionary(e => QuestionnaireFields.ForAnswerField(e.Key), e => e.Value, StringComparer.Ordinal);
                return Counted("invalid", WithErrors(context, task, member, userId, parsed.Values, errors, turn.Text));
            case SubmissionStatus.NotFound:
                return Counted("not_found", InvokeResponses.Message(turn.Text.Format(nameof(Strings.Task_NotFound), taskId)));
            default:
                return Counted(result.Error.ToString().ToLowerInvariant(), Refused(context, result.Task ?? task, member, userId, result.Error, stage, turn.Text));
        }
    }

    /// <summary>Every answer is counted once, by result (bot.answers).</summary>
    private InvokeResponse Counted(string result, InvokeResponse response)
    {
        metrics.Answer(result);
        return response;
    }

    /// <summary>
    /// The answer is stored: a failure to queue the next card must not turn into "nothing was stored". The member gets
    /// the answered card; the sweep (<see cref="NextCardSweeper"/>) finds them owed a card and queues it.
    /// </summary>
    private async Task QueueNextCardAsync(string reviewId, string tenantId, Member member, string taskId, CancellationToken cancellationToken)
    {
        try
        {
            await outbox.EnqueueAsync(new OutboxMessage { Kind = OutboxMessage.NextCard, ReviewId = reviewId, TenantId = tenantId, Email = member.Email }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.NextCardNotQueued(logger, taskId, ex);
        }
    }

    /// <summary>One card version answered by one member is one submission: Teams' redeliveries share the key.</summary>
    public static string SubmissionKey(string taskId, int version, Member member) => $"{taskId}|v{version}|{member.Email}";

    private InvokeResponse WithErrors(ActiveReviewContext context, ReviewTask task, Member member, string? userId,
        IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, string> errors, BotText text)
    {
        var model = composer.ModelFor(context.Snapshot, task, member, userId, text) with { Values = values, Errors = errors };
        return InvokeResponses.Card(QuestionnaireCard.Build(model));
    }

    private InvokeResponse Refused(ActiveReviewContext context, ReviewTask task, Member member, string? userId, DecisionError error, Stage stage, BotText text) =>
        error switch
        {
            DecisionError.NotAssignee => InvokeResponses.Card(NotYourTaskCard.Build(new NotYourTaskCardModel(TaskSummary.From(task.Definition), text))),
            DecisionError.StageClosed or DecisionError.StageNotOpen => InvokeResponses.Card(StageClosedCard.Build(new StageClosedCardModel(TaskSummary.From(task.Definition), stage, text))),
            _ when task.State.OutcomeOf(stage) is { } outcome && outcome.AnsweredBy == Member.NormalizeEmail(member.Email) && task.Stage != stage
                => InvokeResponses.Card(cards.Stale(context.Snapshot, task, StaleReason.AlreadyAnswered, text)),
            _ => InvokeResponses.Card(cards.Stale(context.Snapshot, task, task.State.OutcomeOf(stage) is null ? StaleReason.Changed : StaleReason.AlreadyAnswered, text)),
        };
}
