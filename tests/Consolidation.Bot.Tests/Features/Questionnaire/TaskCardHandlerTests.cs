using System.Text.Json.Nodes;
using Consolidation.Bot.Features;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using static Consolidation.Bot.Tests.Features.Questionnaire.AnswerFixtures;

namespace Consolidation.Bot.Tests.Features.Questionnaire;

/// <summary><c>refreshTask</c> / <c>showTask</c> at unit level (issue 20): the card of the task as it stands, for this member.</summary>
public class TaskCardHandlerTests
{
    private static readonly BotText Japanese = HandlerParts.Japanese;

    [Fact]
    public async Task OpenTaskOfTheMember_TheQuestionnaireToAnswer_AnsweredOne_TheAnsweredCard()
    {
        var open = await Handler(Context(Task())).HandleAsync(Show("J-0001"), CancellationToken.None);
        var answered = await Handler(Context(Answered())).HandleAsync(Show("J-0001"), CancellationToken.None);

        Assert.Contains("submitAnswer", open!.Value!.Value.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(Japanese.Format(nameof(Strings.Answered_Title), "プレWG"), answered!.Value!.Value.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("submitAnswer", answered.Value!.Value.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownTask_ToldWhichIdWasNotFound()
    {
        var response = await Handler(Context(Task())).HandleAsync(Show("J-9999"), CancellationToken.None);

        Assert.Equal(Japanese.Format(nameof(Strings.Task_NotFound), "J-9999"), response!.Value!.Value.GetString());
    }

    [Theory]
    [InlineData("no review", nameof(Strings.Review_NotLoaded))]
    [InlineData("not a member", nameof(Strings.Review_NotAMember))]
    public async Task NoReviewOrNotAMember_Refused(string situation, string expectedKey)
    {
        var context = situation == "no review" ? null : Context(Task()) with { Sender = null };

        var response = await Handler(context).HandleAsync(Show("J-0001"), CancellationToken.None);

        Assert.Equal(Japanese[expectedKey], response!.Value!.Value.GetString());
    }

    private static TaskCardHandler Handler(ActiveReviewContext? context) =>
        new(new FakeReviewLoader(context), new TaskCards(HandlerParts.Composer()), NullLogger<TaskCardHandler>.Instance);

    private static Consolidation.Bot.Routing.TurnContext Show(string taskId) =>
        HandlerTurns.CardAction("showTask", new JsonObject { ["taskId"] = taskId, ["reviewId"] = "r1" });
}
