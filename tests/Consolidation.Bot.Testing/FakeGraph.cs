using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Consolidation.Bot.Testing;

/// <summary>A message of a 1:1 chat as <see cref="FakeGraph"/> serves it: id, creation time, the adaptive cards it carries (JSON).</summary>
public sealed record GraphChatMessage(string Id, DateTimeOffset CreatedAt, IReadOnlyList<string> CardJson);

/// <summary>
/// A loopback Microsoft Graph for a bot process, with the managed-identity token endpoint an Azure host gives its apps
/// (App Service's <c>IDENTITY_ENDPOINT</c> / <c>IDENTITY_HEADER</c>): the real SDK and the real credential talk to it over
/// HTTP. It serves what the bot's outbox reads before repeating an abandoned send: the app's installation for a user
/// (installing answers 409, already installed), the installation's chat, and that chat's newest messages, which
/// <c>chatOf</c> gives (in the kill test: what the fake connector accepted in the user's conversation). Every Graph
/// request must carry a token this fake issued, or it gets 401.
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    /// <summary>The secret the host puts in <c>IDENTITY_HEADER</c>; the token endpoint refuses any other.</summary>
    public const string IdentityHeader = "fake-identity-header";

    private const string Token = "fake-graph-token";

    private readonly WebApplication _app;
    private readonly Func<string, IReadOnlyList<GraphChatMessage>> _chatOf;
    private readonly ConcurrentQueue<string> _chatReads = new();
    private long _tokens;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _tokenResources = new();
    private long _unauthorized;

    private FakeGraph(WebApplication app, int port, Func<string, IReadOnlyList<GraphChatMessage>> chatOf)
    {
        _app = app;
        Port = port;
        _chatOf = chatOf;
    }

    public int Port { get; }

    /// <summary>For <c>Graph:BaseUrl</c>.</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}/v1.0";

    /// <summary>For <c>IDENTITY_ENDPOINT</c>.</summary>
    public string IdentityEndpoint => $"http://127.0.0.1:{Port}/msi/token";

    /// <summary>Users whose chat messages were read, in order.</summary>
    public IReadOnlyList<string> ChatReads => [.. _chatReads];

    public long TokensIssued => Interlocked.Read(ref _tokens);

    /// <summary>The resources tokens were asked for, in order (Graph's, Bot Framework's, storage's...).</summary>
    public IReadOnlyList<string> TokenResources => [.. _tokenResources];

    /// <summary>The tenant in the tokens this identity endpoint issues for other resources than Graph.</summary>
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    /// <summary>
    /// The access token issued for <paramref name="resource"/>: this Graph's own for Graph; for anything else a
    /// JWT-shaped token (audience = the resource, Entra issuer, lifetime; not signed) such as Azurite's OAuth mode
    /// checks, and which a test can recognise in an <c>Authorization</c> header.
    /// </summary>
    public string TokenFor(string resource, DateTimeOffset issuedAt)
    {
        if (resource.StartsWith($"http://127.0.0.1:{Port}", StringComparison.Ordinal))
        {
            return Token;
        }

        static string Part(JsonObject json) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(json.ToJsonString());
        var iat = issuedAt.AddMinutes(-1).ToUnixTimeSeconds();
        return Part(new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = "fake-msi" }) + "." + Part(new JsonObject
        {
            ["aud"] = resource,
            ["iss"] = $"https://sts.windows.net/{TenantId}/",
            ["tid"] = TenantId,
            ["oid"] = "00000000-0000-0000-0000-00000000f00d",
            ["iat"] = iat,
            ["nbf"] = iat,
            ["exp"] = issuedAt.AddHours(1).ToUnixTimeSeconds(),
        }) + ".ZmFrZS1zaWduYXR1cmU";
    }

    public long UnauthorizedRequests => Interlocked.Read(ref _unauthorized);

    /// <summary>The settings (environment of a bot process) that make the bot use this Graph with a managed identity.</summary>
    public IReadOnlyDictionary<string, string?> BotSettings(string teamsAppId) => new Dictionary<string, string?>
    {
        ["Graph:Credential"] = "ManagedIdentity",
        ["Graph:TeamsAppId"] = teamsAppId,
        ["Graph:BaseUrl"] = BaseUrl,
        ["IDENTITY_ENDPOINT"] = IdentityEndpoint,
        ["IDENTITY_HEADER"] = IdentityHeader,
    };

    public static async Task<FakeGraph> StartAsync(Func<string, IReadOnlyList<GraphChatMessage>> chatOf)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var graph = new FakeGraph(app, port, chatOf);
        graph.Map(app);
        await app.StartAsync();
        return graph;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.MapGet("/msi/token", IssueToken);
        app.MapPost("/v1.0/users/{userId}/teamwork/installedApps", (HttpContext http) =>
            Authorized(http, () => Results.Json(Error("Conflict", "The app is already installed for this user."), statusCode: 409)));
        app.MapGet("/v1.0/users/{userId}/teamwork/installedApps", (string userId, HttpContext http) =>
            Authorized(http, () => Results.Json(new JsonObject { ["value"] = new JsonArray(new JsonObject { ["id"] = "installation-" + userId }) })));
        app.MapGet("/v1.0/users/{userId}/teamwork/installedApps/{installationId}/chat", (string userId, HttpContext http) =>
            Authorized(http, () => Results.Json(new JsonObject { ["id"] = ChatIdOf(userId) })));
        app.MapGet("/v1.0/chats/{chatId}/messages", (string chatId, HttpContext http) => Authorized(http, () => Messages(chatId, http)));
    }

    private const string ChatIdPrefix = "19:";
    private const string ChatIdSuffix = "_fake-bot@unq.gbl.spaces";

    /// <summary>The 1:1 chat id Graph would give a user's chat with the bot.</summary>
    public static string ChatIdOf(string userId) => ChatIdPrefix + userId + ChatIdSuffix;

    private static string? UserOfChat(string chatId) =>
        chatId.StartsWith(ChatIdPrefix, StringComparison.Ordinal) && chatId.EndsWith(ChatIdSuffix, StringComparison.Ordinal)
            ? chatId[ChatIdPrefix.Length..^ChatIdSuffix.Length]
            : null;

    private IResult IssueToken(HttpContext http)
    {
        if (http.Request.Headers["X-IDENTITY-HEADER"] != IdentityHeader || string.IsNullOrEmpty(http.Request.Query["resource"]))
        {
            return Results.Json(new JsonObject { ["error"] = "invalid_request" }, statusCode: 400);
        }

        Interlocked.Increment(ref _tokens);
        var resource = http.Request.Query["resource"].ToString();
        _tokenResources.Enqueue(resource);
        return Results.Json(new JsonObject
        {
            ["access_token"] = TokenFor(resource, DateTimeOffset.UtcNow),
            ["expires_on"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["resource"] = http.Request.Query["resource"].ToString(),
            ["token_type"] = "Bearer",
        });
    }

    private IResult Messages(string chatId, HttpContext http)
    {
        if (UserOfChat(Uri.UnescapeDataString(chatId)) is not { } userId)
        {
            return Results.Json(Error("NotFound", "No such chat."), statusCode: 404);
        }

        _chatReads.Enqueue(userId);
        var top = int.TryParse(http.Request.Query["$top"], NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? Math.Min(t, 50) : 20;
        var messages = new JsonArray();
        foreach (var message in _chatOf(userId).OrderByDescending(m => m.CreatedAt).Take(top))
        {
            var attachments = new JsonArray();
            foreach (var card in message.CardJson)
            {
                attachments.Add(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card });
            }

            messages.Add(new JsonObject
            {
                ["id"] = message.Id,
                ["messageType"] = "message",
                ["createdDateTime"] = message.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                ["from"] = new JsonObject { ["application"] = new JsonObject { ["id"] = "fake-bot", ["displayName"] = "集約化ボット" } },
                ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = "<attachment></attachment>" },
                ["attachments"] = attachments,
            });
        }

        return Results.Json(new JsonObject { ["value"] = messages });
    }

    private IResult Authorized(HttpContext http, Func<IResult> handle)
    {
        if (http.Request.Headers.Authorization != "Bearer " + Token)
        {
            Interlocked.Increment(ref _unauthorized);
            return Results.Json(Error("InvalidAuthenticationToken", "Access token is empty or not valid."), statusCode: 401);
        }

        return handle();
    }

    private static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
}
