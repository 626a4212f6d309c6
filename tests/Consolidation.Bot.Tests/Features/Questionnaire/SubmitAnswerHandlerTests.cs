using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Hosting;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Connector;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review;
using Consolidation.Bot.Routing;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Consolidation.Bot.Tests.Features.Questionnaire.AnswerFixtures;

namespace Consolidation.Bot.Tests.Features.Questionnaire;

/// <summary>
/// The answer handler at unit level (issue 20): the review held in memory behind <see cref="IActiveReviewLoader"/>, storage
/// behind <see cref="IAnswerRecords"/>, the real rules, cards and texts. The handler maps each result to its card; the
/// end-to-end tests drive the same path through the Playground.
/// </summary>
public class SubmitAnswerHandlerTests
{
    private static readonly BotText Japanese = new(BotCultures.Japanese);

    [Fact]
    public async Task ValidAnswer_TheAnsweredCard_AndTheNextCardQueuedWhileAnotherTaskWaits()
    {
        var records = new FakeAnswerRecords(Task());
        var loader = new FakeLoader(TwoTasks());

        var response = await Handler(loader, records).HandleAsync(Turn(PreWgKeep()), CancellationToken.None);

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

        var response = await Handler(new FakeLoader(Context(Task())), records).HandleAsync(Turn(data), CancellationToken.None);

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

        var response = await Handler(new FakeLoader(Context(Task(version: 3))), records).HandleAsync(Turn(PreWgKeep(version: 2)), CancellationToken.None);

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

        var response = await Handler(new FakeLoader(context), records).HandleAsync(Turn(PreWgKeep()), CancellationToken.None);

        Assert.Equal(Japanese[expectedKey], response!.Value!.Value.GetString());
        Assert.Equal(0, records.Decisions);
    }

    [Fact]
    public async Task ACardOfAnEarlierReview_Refused_NothingDecided()
    {
        var records = new FakeAnswerRecords(Task());
        var data = PreWgKeep();
        data["reviewId"] = "an-earlier-review";

        var response = await Handler(new FakeLoader(Context(Task())), records).HandleAsync(Turn(data), CancellationToken.None);

        Assert.Equal("application/vnd.microsoft.activity.message", response!.Type);
        Assert.Equal(0, records.Decisions);
    }

    private static ActiveReviewContext TwoTasks()
    {
        var second = new ReviewTask(Task().Definition with { Id = "J-0002", Name = "印鑑登録証明書の交付" }, new TaskState { TaskId = "J-0002", Stage = Stage.PreWg, Version = 2 });
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
        var composer = new QuestionnaireComposer(Options.Create(new ReviewOptions()));
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        return new SubmitAnswerHandler(
            loader, new AnswerSubmission(records, NullLogger<AnswerSubmission>.Instance), composer, new TaskCards(composer),
            new BotMetrics(meters), NullLogger<SubmitAnswerHandler>.Instance);
    }

    private static TurnContext Turn(JsonObject data)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Invoke, Name = "adaptiveCard/action", ServiceUrl = "https://smba.trafficmanager.net/jp/", ChannelId = "msteams", Locale = "ja-JP",
            From = new ChannelAccount { Id = "29:sato", Name = Assignee.Name, AadObjectId = "aad-sato" },
            Conversation = new ConversationAccount { Id = "a:sato", ConversationType = "personal", TenantId = "tenant-1" },
        };
        return new TurnContext(activity, new ClaimsIdentity(), BotCultures.Japanese, "", new NoConnector())
        {
            CardAction = new CardActionInvocation("submitAnswer", JsonDocument.Parse(data.ToJsonString()).RootElement, IsExecute: true),
        };
    }

    private static string CardJson(InvokeResponse? response)
    {
        Assert.Equal("application/vnd.microsoft.card.adaptive", response!.Type);
        return response.Value!.Value.GetRawText();
    }

    /// <summary>The review as a handler's loader would give it, held in memory.</summary>
    private sealed class FakeLoader(ActiveReviewContext? context) : IActiveReviewLoader
    {
        public Task<ActiveReviewContext?> LoadAsync(TurnContext turn, CancellationToken cancellationToken) => System.Threading.Tasks.Task.FromResult(context);

        public Task<ActiveReviewContext?> LoadForSenderAsync(TurnContext turn, CancellationToken cancellationToken) => System.Threading.Tasks.Task.FromResult(context);

        public Task<ActiveReviewContext?> LoadForAnswerAsync(TurnContext turn, CancellationToken cancellationToken) => System.Threading.Tasks.Task.FromResult(context);

        public Task<ReviewTask?> FindTaskAsync(ActiveReviewContext context, string taskId, CancellationToken cancellationToken) =>
            System.Threading.Tasks.Task.FromResult(context.Snapshot.Tasks.FirstOrDefault(t => t.Id == taskId));

        public Task<(ActiveReviewContext Context, Member Secretariat)?> LoadForSecretariatAsync(TurnContext turn, CancellationToken cancellationToken, string refusalKey = nameof(Strings.OpenStage_NotSecretariat)) =>
            throw new NotSupportedException("not a secretariat command");
    }

    /// <summary>A card action is answered in its invoke response: any call to Teams here is a defect.</summary>
    private sealed class NoConnector : IConnectorClient
    {
        public Task<ResourceResponse> SendAsync(ConversationAddress conversation, Activity activity, CancellationToken cancellationToken) => throw Unexpected();

        public Task<ResourceResponse> ReplyAsync(ConversationAddress conversation, string replyToId, Activity activity, CancellationToken cancellationToken) => throw Unexpected();

        public Task<ResourceResponse> UpdateAsync(ConversationAddress conversation, string activityId, Activity activity, CancellationToken cancellationToken) => throw Unexpected();

        public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) => throw Unexpected();

        public Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize, string? continuationToken, CancellationToken cancellationToken) => throw Unexpected();

        public Task<IReadOnlyList<ChannelInfo>> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken) => throw Unexpected();

        private static InvalidOperationException Unexpected() => new("The answer handler called Teams; a card action is answered in its invoke response.");
    }
}
