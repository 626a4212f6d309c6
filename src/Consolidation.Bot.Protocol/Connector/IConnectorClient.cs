using Consolidation.Bot.Protocol.Schema;

namespace Consolidation.Bot.Protocol.Connector;

/// <summary>
/// Outbound Bot Connector v3 REST calls, always on the serviceUrl the conversation came from.
/// Failures that survive the retry policy surface as <see cref="ConnectorException"/>.
/// </summary>
public interface IConnectorClient
{
    /// <summary><c>POST /v3/conversations/{id}/activities</c>.</summary>
    Task<ResourceResponse> SendAsync(ConversationAddress conversation, Activity activity, CancellationToken cancellationToken);

    /// <summary><c>POST /v3/conversations/{id}/activities/{replyToId}</c>.</summary>
    Task<ResourceResponse> ReplyAsync(ConversationAddress conversation, string replyToId, Activity activity, CancellationToken cancellationToken);

    /// <summary><c>PUT /v3/conversations/{id}/activities/{activityId}</c>.</summary>
    Task<ResourceResponse> UpdateAsync(ConversationAddress conversation, string activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary><c>POST /v3/conversations</c> (proactive 1:1 chat or a new channel thread).</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken);

    /// <summary><c>GET /v3/conversations/{id}/pagedmembers</c>, one page.</summary>
    Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary><c>GET /v3/teams/{teamId}/conversations</c>.</summary>
    Task<IReadOnlyList<ChannelInfo>> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken);
}

/// <summary>Where an outbound activity goes: the serviceUrl, the conversation id and the tenant (for rate limiting).</summary>
public sealed record ConversationAddress(string ServiceUrl, string ConversationId, string TenantId);
