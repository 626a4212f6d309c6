using System.Text.Json.Nodes;
using Consolidation.Bot.Cards;
using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using static Consolidation.Bot.Tests.Features.Questionnaire.AnswerFixtures;

namespace Consolidation.Bot.Tests.Features.Questionnaire;

/// <summary>A bureau contact's view at WG at unit level (issue 20): the rules decide through the records seam, the handler picks the card.</summary>
public class SubmitBureauViewHandlerTests
{
    private static readonly BotText Japanese = HandlerParts.Japanese;
    private static readonly Member Contact = new() { Email = "shimin@city.example.jp", Name = "市民局 窓口", Role = MemberRole.Bureau, Bureau = "市民局", AadObjectId = "aad-sato" };
    private static readonly ReviewTask AtWg = Task(Stage.Wg, version: 3);

    [Fact]
    public async Task Contact_ViewStored_TheAnsweredCardShowsIt()
    {
        var records = new FakeAnswerRecords(AtWg);

        var response = await Handler(records, Contact).HandleAsync(View("Agree"), CancellationToken.None);

        Assert.Contains(BureauView.Agree.Name(japanese: true), response!.Value!.Value.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(CardVerbs.SubmitBureauView, response.Value!.Value.GetRawText(), StringComparison.Ordinal);
        Assert.Equal((1, 1), (records.Decisions, records.LastVersionOrRound));
    }

    [Fact]
    public async Task NotAContactOfTheTasksBureau_NotYourTask_NothingDecided()
    {
        var records = new FakeAnswerRecords(AtWg);

        var response = await Handler(records, Assignee).HandleAsync(View("Agree"), CancellationToken.None);

        Assert.Contains(Japanese[nameof(Strings.NotYourTask_Title)], response!.Value!.Value.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, records.Decisions);
    }

    [Fact]
    public async Task WgClosed_TheClosedCard()
    {
        var records = new FakeAnswerRecords(AtWg) { WgWindow = Window(closedAt: Now.AddDays(-1)) with { Stage = Stage.Wg } };

        var response = await Handler(records, Contact).HandleAsync(View("Agree"), CancellationToken.None);

        Assert.Contains(Japanese[nameof(Strings.StageClosed_Title)], response!.Value!.Value.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoViewChosen_TheSameCardWithTheError_NothingDecided()
    {
        var records = new FakeAnswerRecords(AtWg);

        var response = await Handler(records, Contact).HandleAsync(View(null, "コメントだけ"), CancellationToken.None);

        var card = response!.Value!.Value.GetRawText();
        Assert.Contains(CardVerbs.SubmitBureauView, card, StringComparison.Ordinal);
        Assert.Contains("コメントだけ", card, StringComparison.Ordinal);
        Assert.Equal(0, records.Decisions);
    }

    private static SubmitBureauViewHandler Handler(FakeAnswerRecords records, Member sender)
    {
        var context = Context(AtWg) with { Sender = sender };
        context = context with { Snapshot = context.Snapshot with { Members = [Assignee, Contact], Windows = [Window(), Window() with { Stage = Stage.Wg }] } };
        return new SubmitBureauViewHandler(
            new FakeReviewLoader(context), records, new AnswerSubmission(records, NullLogger<AnswerSubmission>.Instance),
            HandlerParts.Composer(), HandlerParts.Metrics(), NullLogger<SubmitBureauViewHandler>.Instance);
    }

    private static Consolidation.Bot.Routing.TurnContext View(string? view, string? comment = null) => HandlerTurns.CardAction(CardVerbs.SubmitBureauView, new JsonObject
    {
        ["taskId"] = "J-0001", ["reviewId"] = "r1", [BureauViewCard.Round] = "1", [BureauViewCard.View] = view, [BureauViewCard.Comment] = comment,
    });
}
