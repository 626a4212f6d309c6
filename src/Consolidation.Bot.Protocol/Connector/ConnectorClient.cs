using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Consolidation.Bot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Consolidation.Bot.Protocol.Connector;

/// <summary>
/// Bot Connector v3 REST client (typed <see cref="HttpClient"/>). Paths are relative to the conversation's serviceUrl,
/// ids are escaped with <see cref="Uri.EscapeDataString(string)"/>, bodies use <see cref="ProtocolJsonContext"/>
/// (nulls never written). Auth, retries and self-throttling are the handlers registered by
/// <see cref="ConnectorServiceCollectionExtensions.AddBotConnector"/>.
/// </summary>
public sealed class ConnectorClient : IConnectorClient
{
    private readonly HttpClient _httpClient;
    private readonly ServiceUrlPolicy _serviceUrls;
    private readonly ILogger<ConnectorClient> _logger;

    public ConnectorClient(HttpClient httpClient, ServiceUrlPolicy serviceUrls, ILogger<ConnectorClient> logger)
    {
        _httpClient = httpClient;
        _serviceUrls = serviceUrls;
        _logger = logger;
    }

    public Task<ResourceResponse> SendAsync(ConversationAddress conversation, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var path = $"v3/conversations/{Escape(conversation.ConversationId)}/activities";
        return SendActivityAsync(HttpMethod.Post, conversation, path, activity, cancellationToken);
    }

    public Task<ResourceResponse> ReplyAsync(ConversationAddress conversation, string replyToId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentException.ThrowIfNullOrEmpty(replyToId);
        ArgumentNullException.ThrowIfNull(activity);
        activity.ReplyToId ??= replyToId;
        var path = $"v3/conversations/{Escape(conversation.ConversationId)}/activities/{Escape(replyToId)}";
        return SendActivityAsync(HttpMethod.Post, conversation, path, activity, cancellationToken);
    }

    public Task<ResourceResponse> UpdateAsync(ConversationAddress conversation, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        activity.Id ??= activityId;
        var path = $"v3/conversations/{Escape(conversation.ConversationId)}/activities/{Escape(activityId)}";
        return SendActivityAsync(HttpMethod.Put, conversation, path, activity, cancellationToken);
    }

    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        using var request = CreateRequest(HttpMethod.Post, serviceUrl, "v3/conversations");
        request.Content = JsonContent(parameters, ProtocolJsonContext.Wire.ConversationParameters);
        request.Options.Set(RateLimitPartition.OptionKey, CreatePartition(parameters));
        return await SendAsync(request, ProtocolJsonContext.Wire.ConversationResourceResponse, cancellationToken)
            ?? new ConversationResourceResponse();
    }

    public async Task<PagedMembersResult> GetPagedMembersAsync(
        string serviceUrl, string conversationId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var path = new StringBuilder($"v3/conversations/{Escape(conversationId)}/pagedmembers");
        var separator = '?';
        if (pageSize > 0)
        {
            path.Append(separator).Append("pageSize=").Append(pageSize);
            separator = '&';
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            path.Append(separator).Append("continuationToken=").Append(Uri.EscapeDataString(continuationToken));
        }

        using var request = CreateRequest(HttpMethod.Get, serviceUrl, path.ToString());
        return await SendAsync(request, ProtocolJsonContext.Wire.PagedMembersResult, cancellationToken)
            ?? new PagedMembersResult();
    }

    public async Task<IReadOnlyList<ChannelInfo>> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(HttpMethod.Get, serviceUrl, $"v3/teams/{Escape(teamId)}/conversations");
        var list = await SendAsync(request, ProtocolJsonContext.Wire.ConversationList, cancellationToken);
        return list?.Conversations is { } conversations ? [.. conversations] : [];
    }

    /// <summary><c>{serviceUrl}/</c> + <paramref name="relativePath"/>, whether or not serviceUrl ends with a slash.</summary>
    internal static Uri BuildUri(string serviceUrl, string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        var baseUrl = serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
        return new Uri(new Uri(baseUrl, UriKind.Absolute), relativePath);
    }

    private static string Escape(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return Uri.EscapeDataString(id);
    }

    private static RateLimitPartition CreatePartition(ConversationParameters parameters)
    {
        var tenantId = parameters.TenantId ?? parameters.ChannelData?.Tenant?.Id ?? "";
        var target = parameters.Members is [{ Id: { } memberId }, ..] ? "member:" + memberId
            : parameters.ChannelData?.Channel?.Id is { } channelId ? "channel:" + channelId
            : "create";
        return new RateLimitPartition(tenantId, target);
    }

    /// <summary>The request, or a refusal before anything is sent (and before a token is fetched) for a service URL that is not allowed.</summary>
    private HttpRequestMessage CreateRequest(HttpMethod method, string serviceUrl, string relativePath)
    {
        var uri = Uri.TryCreate(serviceUrl, UriKind.Absolute, out var parsed) ? BuildUri(serviceUrl, relativePath) : null;
        if (uri is null || !_serviceUrls.Allows(uri))
        {
            var host = parsed?.Host ?? "(not an absolute URL)";
            ConnectorLog.ServiceUrlRefused(_logger, method.Method, host);
            throw ConnectorException.ServiceUrlNotAllowed(method.Method, host);
        }

        return new(method, uri);
    }

    private static ByteArrayContent JsonContent<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        return content;
    }

    private async Task<ResourceResponse> SendActivityAsync(
        HttpMethod method, ConversationAddress conversation, string path, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var request = CreateRequest(method, conversation.ServiceUrl, path);
        request.Content = JsonContent(activity, ProtocolJsonContext.Wire.Activity);
        request.Options.Set(RateLimitPartition.OptionKey, new RateLimitPartition(conversation.TenantId ?? "", conversation.ConversationId));
        return await SendAsync(request, ProtocolJsonContext.Wire.ResourceResponse, cancellationToken) ?? new ResourceResponse();
    }

    /// <summary>Sends, maps non-2xx to <see cref="ConnectorException"/>, and parses the body (null for an empty 2xx body).</summary>
    private async Task<T?> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        var method = request.Method.Method;
        var path = request.RequestUri!.AbsolutePath;
        HttpResponseMessage response;
        try
        {
            response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            ConnectorLog.CallFailedWithoutResponse(_logger, method, path, ex);
            throw new ConnectorException($"Connector {method} {path} failed: {ex.Message}", ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw Failure(response.StatusCode, body, method, path);
            }

            if (IsBlank(body))
            {
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize(body, typeInfo);
            }
            catch (JsonException ex)
            {
                throw new ConnectorException($"Connector {method} {path} returned an unreadable body: {ex.Message}", ex);
            }
        }
    }

    private ConnectorException Failure(HttpStatusCode status, byte[] body, string method, string path)
    {
        InvokeError? error = null;
        if (!IsBlank(body))
        {
            try
            {
                error = JsonSerializer.Deserialize(body, ProtocolJsonContext.Wire.ErrorResponse)?.Error;
            }
            catch (JsonException)
            {
                // Not the connector's error shape (e.g. a gateway's HTML page): status only.
            }
        }

        var code = string.IsNullOrEmpty(error?.Code) ? null : error.Code;
        var detail = string.IsNullOrEmpty(error?.Message) ? null : error.Message;
        ConnectorLog.CallFailed(_logger, method, path, status, code, detail);
        return new ConnectorException(status, code, $"Connector {method} {path} failed with {(int)status} {code}: {detail}".TrimEnd(' ', ':'));
    }

    private static bool IsBlank(byte[] body) => body.AsSpan().Trim(" \t\r\n"u8).IsEmpty;
}
