using System.Text.Json.Nodes;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using static Consolidation.Bot.Tests.Features.Questionnaire.AnswerFixtures;

namespace Consolidation.Bot.Tests.Features.Questionnaire;

/// <summary>
/// The rough-selection batch card's submit at unit level (issue 20): each row goes through the one submission service;
/// input errors refuse the whole card, staleness is decided per row.
/// </summary>
public class SubmitBatchHandlerTests
{
    private static readonly BotText Japanese = HandlerParts.Japanese;

    [Fact]
    public async Task TwoRowsAnswered_BothStored_NothingLeftToSend()
    {
        var records = new FakeAnswerRecords(Task(), Second());

        var response = await Handler(records).HandleAsync(Batch(("J-0001", 2, "Keep", null), ("J-0002", 2, "Exclude", "窓口での対面対応が必須のため")), CancellationToken.None);

        var card = response!.Value!.Value.GetRawText();
        Assert.Contains(Japanese.Format(nameof(Strings.Batch_ResultStored), 2), card, StringComparison.Ordinal);
        Assert.Contains(Japanese[nameof(Strings.Batch_ResultDone)], card, StringComparison.Ordinal);
        Assert.DoesNotContain(BatchCardFieldsSubmit, card, StringComparison.Ordinal); // a result, not a card to submit again
        Assert.Equal(2, records.Decisions);
        Assert.Empty(records.Queued);
    }

    [Fact]
    public async Task ExcludedWithoutAReason_TheWholeCardBackWithTheError_NothingDecided()
    {
        var records = new FakeAnswerRecords(Task(), Second());

        var response = await Handler(records).HandleAsync(Batch(("J-0001", 2, "Keep", null), ("J-0002", 2, "Exclude", null)), CancellationToken.None);

        Assert.Contains(BatchCardFieldsSubmit, response!.Value!.Value.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, records.Decisions);
    }

    [Fact]
    public async Task ARowChangedSinceTheCardWasSent_OnlyThatRowRefused_TheOtherStored_TheNextCardQueued()
    {
        var moved = Second() with { State = Second().State with { Version = 3 } };
        var records = new FakeAnswerRecords(Task(), moved);
        var third = Second() with { Definition = Second().Definition with { Id = "J-0003", Name = "戸籍謄本の交付" }, State = Second().State with { TaskId = "J-0003" } };

        var response = await Handler(records, extra: [moved, third]).HandleAsync(Batch(("J-0001", 2, "Keep", null), ("J-0002", 2, "Keep", null)), CancellationToken.None);

        var card = response!.Value!.Value.GetRawText();
        Assert.Contains(Japanese.Format(nameof(Strings.Batch_ResultStored), 1), card, StringComparison.Ordinal);
        Assert.Contains(Japanese[nameof(Strings.Batch_RowChanged)], card, StringComparison.Ordinal);
        Assert.Equal(Assignee.Email, Assert.Single(records.Queued).Email);
    }

    [Fact]
    public async Task NotABatchCard_Refused_NothingDecided()
    {
        var records = new FakeAnswerRecords(Task());

        var response = await Handler(records).HandleAsync(HandlerTurns.CardAction("submitBatch", new JsonObject { ["row0Decision"] = "Keep" }), CancellationToken.None);

        Assert.Equal(Japanese[nameof(Strings.Batch_NotACard)], response!.Value!.Value.GetString());
        Assert.Equal(0, records.Decisions);
    }

    private static string BatchCardFieldsSubmit => Consolidation.Bot.Cards.Questionnaire.BatchCardFields.SubmitVerb;

    private static Consolidation.Bot.Routing.TurnContext Batch(params (string TaskId, int Version, string? Decision, string? Reason)[] rows)
    {
        var data = new JsonObject
        {
            ["reviewId"] = "r1",
            ["tasks"] = Consolidation.Bot.Cards.Questionnaire.BatchCardFields.TasksValue(rows.Select(r => (r.TaskId, r.Version))),
        };
        for (var i = 0; i < rows.Length; i++)
        {
            data[Consolidation.Bot.Cards.Questionnaire.BatchCardFields.Decision(i)] = rows[i].Decision;
            data[Consolidation.Bot.Cards.Questionnaire.BatchCardFields.Reason(i)] = rows[i].Reason;
        }

        return HandlerTurns.CardAction(BatchCardFieldsSubmit, data);
    }

    private static SubmitBatchHandler Handler(FakeAnswerRecords records, ReviewTask[]? extra = null)
    {
        var context = Context(Task());
        context = context with { Snapshot = context.Snapshot with { Tasks = [Task(), .. extra ?? [Second()]] } };
        var composer = HandlerParts.Composer();
        return new SubmitBatchHandler(
            new FakeReviewLoader(context), new AnswerSubmission(records, NullLogger<AnswerSubmission>.Instance), composer,
            HandlerParts.Metrics(), NullLogger<SubmitBatchHandler>.Instance);
    }
}
