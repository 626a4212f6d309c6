using System.Text.Json.Nodes;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review;
using Microsoft.Extensions.Time.Testing;
using static Consolidation.Bot.Tests.Features.Questionnaire.AnswerFixtures;

namespace Consolidation.Bot.Tests.Features.Questionnaire;

/// <summary>"私の担当" at unit level (issue 20): the review in memory behind the loader seam, what Teams is sent recorded.</summary>
public class MyTasksHandlerTests
{
    private static readonly BotText Japanese = HandlerParts.Japanese;

    [Fact]
    public async Task Member_TheirOpenTasksInOneCard_AnsweredTaskNotListed()
    {
        var connector = new RecordingConnector();
        var second = Second();
        var third = Answered("J-0003") with { Definition = Task().Definition with { Id = "J-0003", Name = "戸籍謄本の交付" } };
        var context = Context(Task());
        context = context with { Snapshot = context.Snapshot with { Tasks = [Task(), second, third] } };

        var response = await Handler(context).HandleAsync(HandlerTurns.Message("私の担当", connector), CancellationToken.None);

        Assert.Null(response);
        var card = Assert.Single(Assert.Single(connector.Sent).Attachments!).Content!.Value.GetRawText();
        Assert.Contains("住民票の写しの交付", card, StringComparison.Ordinal);
        Assert.Contains("印鑑登録証明書の交付", card, StringComparison.Ordinal);
        Assert.DoesNotContain("戸籍謄本の交付", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no review", nameof(Strings.Review_NotLoaded))]
    [InlineData("not a member", nameof(Strings.MyTasks_NotMember))]
    public async Task NoReviewOrNotAMember_ToldInText(string situation, string expectedKey)
    {
        var connector = new RecordingConnector();
        var context = situation == "no review" ? null : Context(Task()) with { Sender = null };

        await Handler(context).HandleAsync(HandlerTurns.Message("私の担当", connector), CancellationToken.None);

        Assert.Equal(Japanese[expectedKey], Assert.Single(connector.Sent).Text);
    }

    [Fact]
    public async Task FromACardButton_TheCardIsTheInvokeResponse_NothingSent()
    {
        var response = await Handler(Context(Task())).HandleAsync(HandlerTurns.CardAction("myTasks", new JsonObject()), CancellationToken.None);

        Assert.Equal("application/vnd.microsoft.card.adaptive", response!.Type);
        Assert.Contains("住民票の写しの交付", response.Value!.Value.GetRawText(), StringComparison.Ordinal);
    }

    private static MyTasksHandler Handler(ActiveReviewContext? context) =>
        new(new FakeReviewLoader(context), HandlerParts.Composer(), new FakeTimeProvider(Now));
}
