using System.Globalization;
using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review;
using Consolidation.Bot.Routing;

namespace Consolidation.Bot.Features.Questionnaire;

/// <summary>
/// <c>submitBureauView</c>: a bureau contact's view on a task at WG, recorded beside the 担当区長's decision
/// (<see cref="DecisionService.RecordBureauViewAsync"/>): the answered card and the contact's next card; a missing view or
/// comment → the same card with the errors, nothing stored; someone not of that bureau → a refusal; WG closed → the
/// closed card; a view already given this round (by this or another contact) → that view, nothing stored twice.
/// </summary>
public sealed class SubmitBureauViewHandler(
    IActiveReviewLoader loader,
    IAnswerRecords records,
    AnswerSubmission submission,
    QuestionnaireComposer composer,
    BotMetrics metrics,
    ILogger<SubmitBureauViewHandler> logger) : ITurnHandler
{
    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var action = turn.CardAction!;
        var start = await CardActionGuard.OpenAsync(loader, turn, forAnswer: true, logger, cancellationToken);
        if (start.Context is not { } context)
        {
            return start.Refusal;
        }

        var taskId = action.Get(QuestionnaireFields.TaskId) ?? "";
        var task = await loader.FindTaskAsync(context, taskId, cancellationToken);
        if (task is null || !int.TryParse(action.Get(BureauViewCard.Round), NumberStyles.None, CultureInfo.InvariantCulture, out var round))
        {
            return InvokeResponses.Message(turn.Text.Format(nameof(Strings.Task_NotFound), taskId));
        }

        var member = context.Sender!;
        var summary = TaskSummary.From(task.Definition);
        if (!member.IsBureauContactFor(task.Definition))
        {
            Log.DecisionRefused(logger, taskId, member.Email, nameof(DecisionError.NotAssignee));
            return Counted("not_assignee", InvokeResponses.Card(NotYourTaskCard.Build(new NotYourTaskCardModel(summary, turn.Text))));
        }

        var (answer, errors, values) = BureauViewCard.Parse(action.Get);
        var result = answer is null ? null
            : await records.RecordBureauViewAsync(context.ReviewId, member, taskId, answer, round, cancellationToken);
        var now = result?.Task ?? task;
        switch (result)
        {
            case null:
            case { Status: SubmissionStatus.Refused, Error: DecisionError.Invalid }:
                var fieldErrors = result?.Decision?.FieldErrors.ToDictionary(e => e.Key == nameof(BureauViewAnswer.Comment) ? BureauViewCard.Comment : BureauViewCard.View, e => e.Value) ?? errors;
                return Counted("invalid", WithErrors(context, now, values, fieldErrors, turn.Text));
            case { Status: SubmissionStatus.Accepted or SubmissionStatus.Duplicate }:
                await submission.QueueNextCardAsync(context, member, [now], turn.TenantId, cancellationToken);
                return Counted(result.Status == SubmissionStatus.Accepted ? "accepted" : "duplicate", Answered(context, now, turn.Text));
            case { Status: SubmissionStatus.Refused, Error: DecisionError.StageClosed or DecisionError.StageNotOpen }:
                return Counted("stage_closed", InvokeResponses.Card(StageClosedCard.Build(new StageClosedCardModel(summary, Stage.Wg, turn.Text))));
            case { Status: SubmissionStatus.NotFound }:
                return Counted("not_found", InvokeResponses.Message(turn.Text.Format(nameof(Strings.Task_NotFound), taskId)));
            default:
                // Given already this round (by this contact or another of the bureau), or the task went to another round.
                return Counted("stale", now.State.BureauView is not null && now.State.Round == round
                    ? Answered(context, now, turn.Text)
                    : InvokeResponses.Message(turn.Text[nameof(Strings.BureauView_NotWaiting)]));
        }
    }

    private InvokeResponse Counted(string result, InvokeResponse response)
    {
        metrics.Answer("bureau_" + result);
        return response;
    }

    private InvokeResponse Answered(ActiveReviewContext context, ReviewTask task, BotText text)
    {
        var outcome = task.State.BureauView!;
        return InvokeResponses.Card(AnsweredCard.Build(new AnsweredCardModel
        {
            Task = TaskSummary.From(task.Definition),
            Outcome = outcome,
            AnsweredByName = context.Snapshot.NameOf(outcome.AnsweredBy),
            TimeZone = composer.Zone,
            Text = text,
        }));
    }

    private InvokeResponse WithErrors(ActiveReviewContext context, ReviewTask task, IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, string> errors, BotText text) =>
        context.Snapshot.WindowFor(Stage.Wg, task.Subcommittee) is null
            ? InvokeResponses.Message(text[nameof(Strings.BureauView_NotWaiting)])
            : InvokeResponses.Card(BureauViewCard.Build(composer.BureauViewModelFor(context.Snapshot, task, text) with { Values = values, Errors = errors }));
}
