using Consolidation.Bot.Domain;
using Consolidation.Bot.Features;
using Consolidation.Bot.Features.Status;
using Consolidation.Bot.Hosting;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Consolidation.Bot.Tests.Features.Questionnaire.AnswerFixtures;

namespace Consolidation.Bot.Tests.Features.Status;

/// <summary>
/// The status conversation's handler at unit level (issue 20): never silent. Understood questions get their card (in the
/// asker's 1:1 chat when asked in a channel), refusals and the not-understood answer are words; the recogniser and the
/// answers themselves have their own tests (the corpus).
/// </summary>
public class StatusQuestionHandlerTests
{
    private static readonly BotText Japanese = HandlerParts.Japanese;

    [Fact]
    public async Task Secretariat_Overall_TheCardInTheChat()
    {
        var connector = new RecordingConnector();

        await Handler(Context(Task()) with { Sender = Secretariat }, new FakeSources()).HandleAsync(HandlerTurns.Message("全体の進捗は？", connector), CancellationToken.None);

        var card = Assert.Single(Assert.Single(connector.Sent).Attachments!).Content!.Value.GetRawText();
        Assert.Contains(Japanese[nameof(Strings.Status_OverallTitle)], card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotUnderstood_SaidSoWithTheClosestQuestions_NoCard()
    {
        var connector = new RecordingConnector();

        await Handler(Context(Task()) with { Sender = Secretariat }, new FakeSources()).HandleAsync(HandlerTurns.Message("ぱぴぷぺぽ", connector), CancellationToken.None);

        var reply = Assert.Single(connector.Sent);
        Assert.Contains("ぱぴぷぺぽ", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.Attachments);
    }

    [Theory]
    [InlineData("no review", nameof(Strings.Review_NotLoaded))]
    [InlineData("not a member", nameof(Strings.Status_NotMember))]
    public async Task NoReviewOrNotAMember_ToldInWords(string situation, string expectedKey)
    {
        var connector = new RecordingConnector();
        var context = situation == "no review" ? null : Context(Task()) with { Sender = null };

        await Handler(context, new FakeSources()).HandleAsync(HandlerTurns.Message("全体の進捗は？", connector), CancellationToken.None);

        Assert.Equal(Japanese[expectedKey], Assert.Single(connector.Sent).Text);
    }

    [Fact]
    public async Task ATaskAskedAboutInAChannel_TheRecordGoesToTheAskersChat_APointerWhereAsked()
    {
        var connector = new RecordingConnector();
        var sources = new FakeSources();
        var turn = HandlerTurns.Message("J-0001の状況は？", connector);
        turn.Activity.Conversation!.ConversationType = "channel";

        await Handler(Context(Task()) with { Sender = Secretariat }, sources).HandleAsync(turn, CancellationToken.None);

        var (aad, activity) = Assert.Single(sources.SentToUser);
        Assert.Equal("aad-sato", aad);
        Assert.Contains("J-0001", Assert.Single(activity.Attachments!).Content!.Value.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(Japanese[nameof(Strings.Status_SentToPersonalChat)], Assert.Single(connector.Sent).Text);
        Assert.Equal(["J-0001"], sources.HistoriesRead);
    }

    private static StatusQuestionHandler Handler(ActiveReviewContext? context, FakeSources sources) =>
        new(new FakeReviewLoader(context), sources, HandlerParts.Composer(), new FakeTimeProvider(Now), Options.Create(new ReviewOptions()),
            HandlerParts.Metrics(), NullLogger<StatusQuestionHandler>.Instance);

    private sealed class FakeSources : IStatusSources
    {
        public List<string> HistoriesRead { get; } = [];

        public List<(string AadObjectId, Activity Activity)> SentToUser { get; } = [];

        public Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string reviewId, string taskId, CancellationToken cancellationToken)
        {
            HistoriesRead.Add(taskId);
            return System.Threading.Tasks.Task.FromResult<IReadOnlyList<HistoryEntry>>([]);
        }

        public Task<DateTimeOffset?> GetLastDigestAtAsync(CancellationToken cancellationToken) => System.Threading.Tasks.Task.FromResult<DateTimeOffset?>(null);

        public Task SendToUserAsync(string tenantId, string aadObjectId, Activity activity, CancellationToken cancellationToken)
        {
            SentToUser.Add((aadObjectId, activity));
            return System.Threading.Tasks.Task.CompletedTask;
        }
    }
}
