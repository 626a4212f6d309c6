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
/// <c>submitAnswer</c> (Action.Execute, or Action.Submit from old clients): reads the card's input, lets
/// <see cref="AnswerSubmission"/> decide, and maps its result to a card: the read-only answered card (and the member's next
/// card queued); a refusal that stores nothing (someone else's task, a stale card, a closed stage); invalid input (same
/// card, errors shown, typed values kept). A redelivered submission is answered with the same answered card.
/// </summary>
public sealed class SubmitAnswerHandler(
    IActiveReviewLoader loader,
    AnswerSubmission submission,
    QuestionnaireComposer composer,
    TaskCards cards,
    BotMetrics metrics,
    ILogger<SubmitAnswerHandler> logger) : ITurnHandler
{
    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var action = turn.CardAction!;
        var start = await CardActionGuard.OpenAsync(loader, turn, forAnswer: true, logger, cancellationToken);
        if (start.Context is not { } context)
        {
            return Counted(start.RefusalMetric!, start.Refusal!);
        }

        var taskId = action.Get(QuestionnaireFields.TaskId) ?? "";
        var task = await loader.FindTaskAsync(context, taskId, cancellationToken);
        if (task is null || !int.TryParse(action.Get(QuestionnaireFields.Version), out var version)
            || !Enum.TryParse<Stage>(action.Get(QuestionnaireFields.Stage), out var stage) || !Stages.Screening.Contains(stage))
        {
            return Counted("not_found", InvokeResponses.Message(turn.Text.Format(nameof(Strings.Task_NotFound), taskId)));
        }

        var userId = turn.From.Id;
        if (context.Sender is not { } member)
        {
            return Counted("not_assignee", InvokeResponses.Card(NotYourTaskCard.Build(new NotYourTaskCardModel(TaskSummary.From(task.Definition), turn.Text))));
        }

        // Parsing is pure: an invalid input on a card that is out of date still gets the out-of-date card (the service
        // decides staleness before it looks at the answer).
        var parsed = AnswerParser.Parse(stage, action.Get);
        var result = await submission.SubmitAsync(context, member, task, stage, version, parsed.Answer, cancellationToken);
        var response = result.Outcome switch
        {
            AnswerOutcome.Accepted => await AcceptedAsync(context, result.Task!, stage, member, userId, turn, cancellationToken),
            AnswerOutcome.Duplicate => InvokeResponses.Card(cards.Answered(context.Snapshot, result.Task!, stage, userId, turn.Text)),
            AnswerOutcome.Invalid => WithErrors(context, task, member, userId, parsed.Values, Errors(parsed, result), turn.Text),
            AnswerOutcome.NotFound => InvokeResponses.Message(turn.Text.Format(nameof(Strings.Task_NotFound), taskId)),
            _ => Refused(context, result.Task ?? task, member, result.Outcome, stage, turn.Text),
        };
        return Counted(result.MetricName, response);
    }

    private async Task<InvokeResponse> AcceptedAsync(ActiveReviewContext context, ReviewTask answered, Stage stage, Member member, string? userId, TurnContext turn, CancellationToken cancellationToken)
    {
        await submission.QueueNextCardAsync(context, member, [answered], turn.TenantId, cancellationToken);
        return InvokeResponses.Card(cards.Answered(context.Snapshot, answered, stage, userId, turn.Text));
    }

    /// <summary>The card's own parse errors, else the rules' field errors mapped to input ids.</summary>
    private static IReadOnlyDictionary<string, string> Errors(ParsedAnswer parsed, AnswerSubmissionResult result) =>
        result.FieldErrors is { Count: > 0 } fields
            ? fields.ToDictionary(e => QuestionnaireFields.ForAnswerField(e.Key), e => e.Value, StringComparer.Ordinal)
            : parsed.Errors;

    /// <summary>Every answer is counted once, by result (bot.answers).</summary>
    private InvokeResponse Counted(string result, InvokeResponse response)
    {
        metrics.Answer(result);
        return response;
    }

    private InvokeResponse WithErrors(ActiveReviewContext context, ReviewTask task, Member member, string? userId,
        IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, string> errors, BotText text)
    {
        var model = composer.ModelFor(context.Snapshot, task, member, userId, text) with { Values = values, Errors = errors };
        return InvokeResponses.Card(QuestionnaireCard.Build(model));
    }

    private InvokeResponse Refused(ActiveReviewContext context, ReviewTask task, Member member, AnswerOutcome outcome, Stage stage, BotText text) =>
        outcome switch
        {
            AnswerOutcome.NotYours => InvokeResponses.Card(NotYourTaskCard.Build(new NotYourTaskCardModel(TaskSummary.From(task.Definition), text))),
            AnswerOutcome.Closed => InvokeResponses.Card(StageClosedCard.Build(new StageClosedCardModel(TaskSummary.From(task.Definition), stage, text))),
            _ => InvokeResponses.Card(cards.Stale(context.Snapshot, task, task.State.OutcomeOf(stage) is null ? StaleReason.Changed : StaleReason.AlreadyAnswered, text)),
        };
}
