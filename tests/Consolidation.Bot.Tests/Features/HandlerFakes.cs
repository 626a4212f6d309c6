using System.Diagnostics.Metrics;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Consolidation.Bot.Conversations;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features;
using Consolidation.Bot.Hosting;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Connector;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Tests.Features;

/// <summary>The real parts a handler is made of that need no storage: texts, the composer, metrics.</summary>
internal static class HandlerParts
{
    public static readonly BotText Japanese = new(BotCultures.Japanese);

    public static QuestionnaireComposer Composer() => new(Options.Create(new ReviewOptions()));

    public static BotMetrics Metrics() =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());
}

/// <summary>Turns as a handler receives them from the router, from 佐藤 (aad-sato) in a 1:1 chat, in Japanese.</summary>
internal static class HandlerTurns
{
    /// <summary>A card action (Action.Execute) with its data.</summary>
    public static TurnContext CardAction(string verb, JsonObject data, IConnectorClient? connector = null) =>
        new(Invoke(), new ClaimsIdentity(), BotCultures.Japanese, "", connector ?? new NoConnector())
        {
            CardAction = new CardActionInvocation(verb, JsonDocument.Parse(data.ToJsonString()).RootElement, IsExecute: true),
        };

    /// <summary>A chat message; <paramref name="command"/> as the router's recogniser found it, for handlers that read it.</summary>
    public static TurnContext Message(string text, IConnectorClient connector, Consolidation.Bot.Routing.Commands.CommandMatch? command = null)
    {
        var activity = Invoke();
        (activity.Type, activity.Name, activity.Text) = (ActivityTypes.Message, null, text);
        return new(activity, new ClaimsIdentity(), BotCultures.Japanese, text, connector) { Command = command };
    }

    private static Activity Invoke() => new()
    {
        Type = ActivityTypes.Invoke, Name = "adaptiveCard/action", ServiceUrl = "https://smba.trafficmanager.net/jp/", ChannelId = "msteams", Locale = "ja-JP",
        From = new ChannelAccount { Id = "29:sato", Name = "佐藤", AadObjectId = "aad-sato" },
        Conversation = new ConversationAccount { Id = "a:sato", ConversationType = "personal", TenantId = "tenant-1" },
    };
}

/// <summary>What Teams was sent in a turn (messages and cards), for handlers that answer by sending.</summary>
internal sealed class RecordingConnector : IConnectorClient
{
    public List<Activity> Sent { get; } = [];

    public Task<ResourceResponse> SendAsync(ConversationAddress conversation, Activity activity, CancellationToken cancellationToken)
    {
        Sent.Add(activity);
        return Task.FromResult(new ResourceResponse { Id = $"m{Sent.Count}" });
    }

    public Task<ResourceResponse> ReplyAsync(ConversationAddress conversation, string replyToId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(conversation, activity, cancellationToken);

    public Task<ResourceResponse> UpdateAsync(ConversationAddress conversation, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(conversation, activity, cancellationToken);

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize, string? continuationToken, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<ChannelInfo>> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken) => throw new NotSupportedException();
}

/// <summary>The review as a handler's loader would give it, held in memory.</summary>
internal sealed class FakeReviewLoader(ActiveReviewContext? context) : IActiveReviewLoader
{
    public Task<ActiveReviewContext?> LoadAsync(TurnContext turn, CancellationToken cancellationToken) => Task.FromResult(context);

    public Task<ActiveReviewContext?> LoadForSenderAsync(TurnContext turn, CancellationToken cancellationToken) => Task.FromResult(context);

    public Task<ActiveReviewContext?> LoadForAnswerAsync(TurnContext turn, CancellationToken cancellationToken) => Task.FromResult(context);

    public Task<ReviewTask?> FindTaskAsync(ActiveReviewContext context, string taskId, CancellationToken cancellationToken) =>
        Task.FromResult(context.Snapshot.Tasks.FirstOrDefault(t => t.Id == taskId));

    public Task<(ActiveReviewContext Context, Member Secretariat)?> LoadForSecretariatAsync(TurnContext turn, string refusalKey, CancellationToken cancellationToken) =>
        SecretariatGate.CheckAsync(turn, context, refusalKey, cancellationToken);
}

/// <summary>A card action is answered in its invoke response: any call to Teams here is a defect.</summary>
internal sealed class NoConnector : IConnectorClient
{
    public Task<ResourceResponse> SendAsync(ConversationAddress conversation, Activity activity, CancellationToken cancellationToken) => throw Unexpected();

    public Task<ResourceResponse> ReplyAsync(ConversationAddress conversation, string replyToId, Activity activity, CancellationToken cancellationToken) => throw Unexpected();

    public Task<ResourceResponse> UpdateAsync(ConversationAddress conversation, string activityId, Activity activity, CancellationToken cancellationToken) => throw Unexpected();

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) => throw Unexpected();

    public Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize, string? continuationToken, CancellationToken cancellationToken) => throw Unexpected();

    public Task<IReadOnlyList<ChannelInfo>> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken) => throw Unexpected();

    private static InvalidOperationException Unexpected() => new("The answer handler called Teams; a card action is answered in its invoke response.");
}

/// <summary>The stored conversation references a handler sees: the council channel if registered, the users forgotten.</summary>
internal sealed class FakeConversationReferences : IConversationReferences
{
    public ConversationReference? Council { get; init; }

    public List<string> DeletedUsers { get; } = [];

    public static ConversationReference Channel(string tenantId) => new()
    {
        TenantId = tenantId, Kind = ConversationKind.Channel, ConversationId = "19:council@thread.tacv2", ServiceUrl = "https://smba.trafficmanager.net/jp/",
    };

    public Task<ConversationReference?> GetCouncilChannelAsync(string tenantId, CancellationToken cancellationToken) => Task.FromResult(Council);

    public Task<ConversationReference?> GetChannelAsync(string tenantId, string channelId, CancellationToken cancellationToken) =>
        Task.FromResult(Council?.ConversationId == channelId ? Council : null);

    public Task DeleteUserAsync(string tenantId, string aadObjectIdOrUserId, CancellationToken cancellationToken)
    {
        DeletedUsers.Add(aadObjectIdOrUserId);
        return Task.CompletedTask;
    }
}

/// <summary>The theme directions recorded, in order; listed as recorded.</summary>
internal sealed class FakeThemes : IThemeDirections
{
    public List<ThemeDirection> Set { get; } = [];

    public Task SetAsync(string reviewId, ThemeDirection direction, CancellationToken cancellationToken)
    {
        Set.Add(direction);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ThemeDirection>> ListAsync(string reviewId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ThemeDirection>>(Set);
}
