using System.Text.Json;
using System.Text.Json.Serialization;

namespace Consolidation.Bot.Protocol.Schema;

/// <summary>The HTTP body of an invoke response: <c>{statusCode, type, value}</c>.</summary>
public sealed class InvokeResponse
{
    [JsonPropertyName("statusCode")] public int StatusCode { get; set; } = 200;
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("value")] public JsonElement? Value { get; set; }
}

/// <summary>Error value of an <c>application/vnd.microsoft.error</c> invoke response.</summary>
public sealed class InvokeError
{
    [JsonPropertyName("code")] public string Code { get; set; } = "";
    [JsonPropertyName("message")] public string Message { get; set; } = "";
}

/// <summary>Returned by send, reply and update.</summary>
public sealed class ResourceResponse
{
    [JsonPropertyName("id")] public string? Id { get; set; }
}

/// <summary>Body of <c>POST /v3/conversations</c>.</summary>
public sealed class ConversationParameters
{
    [JsonPropertyName("isGroup")] public bool? IsGroup { get; set; }
    [JsonPropertyName("bot")] public ChannelAccount? Bot { get; set; }
    [JsonPropertyName("members")] public IList<ChannelAccount>? Members { get; set; }
    [JsonPropertyName("tenantId")] public string? TenantId { get; set; }
    [JsonPropertyName("activity")] public Activity? Activity { get; set; }
    [JsonPropertyName("channelData")] public TeamsChannelData? ChannelData { get; set; }
}

/// <summary>Answer of <c>POST /v3/conversations</c>.</summary>
public sealed class ConversationResourceResponse
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("activityId")] public string? ActivityId { get; set; }
    [JsonPropertyName("serviceUrl")] public string? ServiceUrl { get; set; }
}

/// <summary>A team member as the paged roster returns it.</summary>
public sealed class TeamsChannelAccount
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("aadObjectId")] public string? AadObjectId { get; set; }
    [JsonPropertyName("objectId")] public string? ObjectId { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("userPrincipalName")] public string? UserPrincipalName { get; set; }
    [JsonPropertyName("givenName")] public string? GivenName { get; set; }
    [JsonPropertyName("surname")] public string? Surname { get; set; }
    [JsonPropertyName("tenantId")] public string? TenantId { get; set; }
    [JsonPropertyName("userRole")] public string? UserRole { get; set; }
    [JsonExtensionData] public IDictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>The Entra object id, whichever key the roster used (<c>aadObjectId</c> or <c>objectId</c>).</summary>
    [JsonIgnore] public string? EntraObjectId => AadObjectId ?? ObjectId;
}

/// <summary>Answer of <c>GET /v3/conversations/{id}/pagedmembers</c>.</summary>
public sealed class PagedMembersResult
{
    [JsonPropertyName("continuationToken")] public string? ContinuationToken { get; set; }
    [JsonPropertyName("members")] public IList<TeamsChannelAccount>? Members { get; set; }
}

/// <summary>One channel of a team (<c>GET /v3/teams/{id}/conversations</c>). The General channel has no name.</summary>
public sealed class ChannelInfo
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
}

public sealed class ConversationList
{
    [JsonPropertyName("conversations")] public IList<ChannelInfo>? Conversations { get; set; }
}

/// <summary>Connector error body <c>{"error":{"code","message"}}</c>.</summary>
public sealed class ErrorResponse
{
    [JsonPropertyName("error")] public InvokeError? Error { get; set; }
}
