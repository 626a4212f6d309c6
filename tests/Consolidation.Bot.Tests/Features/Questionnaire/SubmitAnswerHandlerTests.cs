using System.Globalization;
using System.Text.Json.Nodes;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review;
using Microsoft.Extensions.Logging.Abstractions;
using static Consolidation.Bot.Tests.Features.Questionnaire.AnswerFixtures;

namespace Consolidation.Bot.Tests.Features.Questionnaire;

/// <summary>
/// The answer handler at unit level (issue 20): the review held in memory behind <see cref="IActiveReviewLoader"/>, storage
/// behind <see cref="IAnswerRecords"/>, the real rules, cards and texts. The handler maps each result to its card; the
/// end-to-end tests drive the same path through the Playground.
/// </summary>
public class SubmitAnswerHandlerTests
{
    private static readonly BotText Japanese = HandlerParts.Japanese;

    [Fact]
    public async Task ValidAnswer_TheAnsweredCard_AndTheNextCardQueuedWhileAnotherTaskWaits()
    {
        var records = new FakeAnswerRecords(Task());
        var loader = new FakeReviewLoader(TwoTasks());

        var response = await Handler(loader, records).HandleAsync(HandlerTurns.CardAction("submitAnswer", PreWgKeep()), CancellationToken.None);

        var card = CardJson(response);
        Assert.Contains(Japanese.Format(nameof(Strings.Answered_Title), "プレWG"), card, StringComparison.Ordinal);
        Assert.DoesNotContain("submitAnswer", card, StringComparison.Ordinal);
        Assert.Equal(1, records.Decisions);
        Assert.Equal(Assignee.Email, Assert.Single(records.Queued).Email);
    }

    [Fact]
    public async Task ExcludedWithoutAReason_TheSameCardWithItsErrorAndTheTypedValues_NothingDecided()
    {
        var records = new FakeAnswerRecords(Task());
        var data = PreWgKeep();
        data["decision"] = "Exclude";

        var response = await Handler(new FakeReviewLoader(Context(Task())), records).HandleAsync(HandlerTurns.CardAction("submitAnswer", data), CancellationToken.None);

        var card = CardJson(response);
        Assert.Contains(Japanese.Format(nameof(Strings.Questionnaire_ErrorSummary), 1), card, StringComparison.Ordinal);
        Assert.Contains("submitAnswer", card, StringComparison.Ordinal);
        Assert.Contains("1200", card, StringComparison.Ordinal);
        Assert.Equal(0, records.Decisions); // the card's own check refuses it before anything is decided
        Assert.Empty(records.Queued);
    }

    [Fact]
    public async Task StaleCard_TheRefusalCard_NothingDecided()
    {
        var records = new FakeAnswerRecords(Task(version: 3));

        var response = await Handler(new FakeReviewLoader(Context(Task(version: 3))), records).HandleAsync(HandlerTurns.CardAction("submitAnswer", PreWgKeep(version: 2)), CancellationToken.None);

        Assert.Contains(Japanese[nameof(Strings.Stale_Title)], CardJson(response), StringComparison.Ordinal);
        Assert.Equal(0, records.Decisions);
    }

    [Theory]
    [InlineData("no review", nameof(Strings.Review_NotLoaded))]
    [InlineData("not a member", nameof(Strings.Review_NotAMember))]
    public async Task NoReviewOrNotAMember_Refused_NothingDecided(string situation, string expectedKey)
    {
        var records = new FakeAnswerRecords(Task());
        var context = situation == "no review" ? null : Context(Task()) with { Sender = null };

        var response = await Handler(new FakeReviewLoader(context), records).HandleAsync(HandlerTurns.CardAction("submitAnswer", PreWgKeep()), CancellationToken.None);

        Assert.Equal(Japanese[expectedKey], response!.Value!.Value.GetString());
        Assert.Equal(0, records.Decisions);
    }

    [Fact]
    public async Task ACardOfAnEarlierReview_Refused_NothingDecided()
    {
        var records = new FakeAnswerRecords(Task());
        var data = PreWgKeep();
        data["reviewId"] = "an-earlier-review";

        var response = await Handler(new FakeReviewLoader(Context(Task())), records).HandleAsync(HandlerTurns.CardAction("submitAnswer", data), CancellationToken.None);

        Assert.Equal("application/vnd.microsoft.activity.message", response!.Type);
        Assert.Equal(0, records.Decisions);
    }

    private static ActiveReviewContext TwoTasks()
    {
        var second = Second();
        var context = Context(Task());
        return context with { Snapshot = context.Snapshot with { Tasks = [Task(), second] } };
    }

    private static JsonObject PreWgKeep(int version = 2) => new()
    {
        ["taskId"] = "J-0001", ["version"] = version.ToString(CultureInfo.InvariantCulture), ["stage"] = "PreWg", ["reviewId"] = "r1",
        ["routine"] = "true", ["highLevelNegotiation"] = "false", ["paperOrVisit"] = "true", ["businessesServed"] = "false",
        ["migrationEffect"] = "Changes", ["annualCases"] = "1200", ["staffHours"] = "300", ["decision"] = "Keep",
    };

    private static SubmitAnswerHandler Handler(IActiveReviewLoader loader, IAnswerRecords records)
    {
        var composer = HandlerParts.Composer();
        return new SubmitAnswerHandler(
            loader, new AnswerSubmission(records, NullLogger<AnswerSubmission>.Instance), composer, new TaskCards(composer),
            HandlerParts.Metrics(), NullLogger<SubmitAnswerHandler>.Instance);
    }

    private static string CardJson(InvokeResponse? response)
    {
        Assert.Equal("application/vnd.microsoft.card.adaptive", response!.Type);
        return response.Value!.Value.GetRawText();
    }
}
