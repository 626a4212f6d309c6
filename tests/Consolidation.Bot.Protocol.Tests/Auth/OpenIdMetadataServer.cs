using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Consolidation.Bot.Protocol.Tests.Auth;

/// <summary>
/// A loopback OpenID metadata + JWKS server (Kestrel on 127.0.0.1, random port) publishing <see cref="TestKeys"/>:
/// the Bot Framework issuer under <c>/botframework/</c> and any Entra tenant under <c>/{tenantId}/v2.0/</c>.
/// Shared by a test class through <c>IClassFixture</c>.
/// </summary>
public sealed class OpenIdMetadataServer : IAsyncLifetime
{
    private WebApplication? _app;

    internal TestKeys Keys { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public string BotFrameworkMetadataUrl => $"{BaseUrl}/botframework/.well-known/openidconfiguration";

    public string EntraMetadataUrlTemplate => $"{BaseUrl}/{{tenantId}}/v2.0/.well-known/openid-configuration";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/botframework/.well-known/openidconfiguration", (HttpContext http) => Json(new JsonObject
        {
            ["issuer"] = "https://api.botframework.com",
            ["jwks_uri"] = $"{BaseUrl}/botframework/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        _app.MapGet("/botframework/keys", () => Jwks(Keys.BotFramework, Keys.OtherChannelOnly, Keys.Unendorsed));
        _app.MapGet("/{tenantId}/v2.0/.well-known/openid-configuration", (string tenantId) => Json(new JsonObject
        {
            ["issuer"] = $"https://login.microsoftonline.com/{tenantId}/v2.0",
            ["jwks_uri"] = $"{BaseUrl}/{tenantId}/discovery/v2.0/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        _app.MapGet("/{tenantId}/discovery/v2.0/keys", (string tenantId) => Jwks(Keys.Entra));
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Keys.Dispose();
    }

    private static IResult Jwks(params TestKey[] keys) =>
        Json(new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => (JsonNode?)k.ToJwk())]) });

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");
}
