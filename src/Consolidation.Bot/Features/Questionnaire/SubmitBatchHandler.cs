using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Routing;

namespace Consolidation.Bot.Features.Questionnaire;

/// <summary>
/// <c>submitBatch</c>: the プレWG batch card submitted. Input errors (excluding without a reason, a reason without a
/// decision, nothing chosen) send the same card back with the errors and store nothing. Otherwise each chosen row goes
/// through <see cref="AnswerSubmission"/> on its own, under the single answer's guarantees (its own card version
/// and history): a row whose task changed is refused alone and the rest are stored; the result card says
/// which. A redelivered submit stores nothing twice and answers with the same result.
/// </summary>
public sealed class SubmitBatchHandler(
    IActiveReviewLoader loader,
    AnswerSubmission submission,
    QuestionnaireComposer composer,
    BotMetrics metrics,
    ILogger<SubmitBatchHandler> logger) : ITurnHandler
{
    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var start = await CardActionGuard.OpenAsync(loader, turn, forAnswer: true, logger, cancellationToken);
        if (start.Context is not { } context)
        {
            return start.Refusal;
        }

        var member = context.Sender!;
        var parsed = BatchAnswerParser.Parse(turn.CardAction!.Get);
        if (parsed.Rows is null)
        {
            return InvokeResponses.Message(turn.Text[nameof(Strings.Batch_NotACard)]);
        }

        var tasks = new Dictionary<string, ReviewTask>(StringComparer.Ordinal);
        foreach (var row in parsed.Rows)
        {
            if (await loader.FindTaskAsync(context, row.TaskId, cancellationToken) is { } task)
            {
                tasks[row.TaskId] = task;
            }
        }

        if (!parsed.IsValid)
        {
            metrics.Answer("invalid");
            return WithErrors(context, member, parsed, tasks, turn.Text);
        }

        var results = new List<BatchResultRow>();
        var answered = new List<ReviewTask>();
        foreach (var row in parsed.Rows)
        {
            var task = tasks.GetValueOrDefault(row.TaskId);
            if (row.Answer is null || task is null)
            {
                results.Add(new BatchResultRow(row.TaskId, task?.Definition.Name, task is null ? BatchRowResult.NotFound : BatchRowResult.NotNow, null));
                continue;
            }

            var result = await submission.SubmitAsync(context, member, task, Stage.PreWg, row.Version, row.Answer, cancellationToken);
            metrics.Answer(result.MetricName);
            if (result.Outcome == AnswerOutcome.Accepted)
            {
                answered.Add(result.Task!);
            }

            results.Add(new BatchResultRow(row.TaskId, task.Definition.Name, RowResult(result.Outcome), row.Answer.Decision));
        }

        var next = await submission.QueueNextCardAsync(context, member, answered, turn.TenantId, cancellationToken);
        return InvokeResponses.Card(BatchResultCard.Build(results, next, turn.Text));
    }

    private static BatchRowResult RowResult(AnswerOutcome outcome) => outcome switch
    {
        AnswerOutcome.Accepted or AnswerOutcome.Duplicate => BatchRowResult.Stored,
        AnswerOutcome.NotYours => BatchRowResult.NotYours,
        AnswerOutcome.Closed => BatchRowResult.Closed,
        AnswerOutcome.NotFound => BatchRowResult.NotFound,
        _ => BatchRowResult.Changed,
    };

    /// <summary>The same card back (the rows as the card showed them), with what was chosen and typed, and the errors.</summary>
    private InvokeResponse WithErrors(ActiveReviewContext context, Member member, ParsedBatch parsed, Dictionary<string, ReviewTask> tasks, BotText text)
    {
        var shown = parsed.Rows!.Where(r => tasks.ContainsKey(r.TaskId)).Select(r => tasks[r.TaskId]).ToList();
        if (shown.Count != parsed.Rows!.Count || shown.Any(t => context.Snapshot.WindowFor(Stage.PreWg, t.Subcommittee) is null))
        {
            return InvokeResponses.Message(text[nameof(Strings.Batch_NotACard)]);
        }

        var versions = parsed.Rows!.ToDictionary(r => r.TaskId, r => r.Version, StringComparer.Ordinal);
        var model = composer.BatchModelFor(context.Snapshot, shown, member, text);
        return InvokeResponses.Card(BatchCard.Build(model with
        {
            Rows = [.. model.Rows.Select(r => r with { Version = versions[r.Task.TaskId] })],
            Values = parsed.Values,
            Errors = parsed.Errors,
            CardError = parsed.CardError,
        }));
    }
}
