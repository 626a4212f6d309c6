using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Consolidation.Bot.Testing;

/// <summary>
/// A loopback stand-in for Entra ID: publishes OpenID metadata and one RSA signing key for any tenant under
/// <c>/{tenantId}/v2.0/</c> (what <c>Bot:EntraOpenIdMetadataUrl</c> points at in tests) and mints access tokens the way
/// Teams SSO gets them (v1 issuer, <c>oid</c>, <c>tid</c>), so the tab's sign-in is tested against real validation.
/// </summary>
public sealed class EntraTestIssuer : IAsyncDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _stranger = RSA.Create(2048);
    private WebApplication? _app;
    private int _metadataRequests;

    private EntraTestIssuer()
    {
        Key = new RsaSecurityKey(_rsa) { KeyId = "entra-test-key" };
        UnpublishedKey = new RsaSecurityKey(_stranger) { KeyId = "entra-test-key" };
    }

    public RsaSecurityKey Key { get; }

    /// <summary>Same key id, never published: a token signed with it has a bad signature.</summary>
    public RsaSecurityKey UnpublishedKey { get; }

    public string BaseUrl { get; private set; } = "";

    /// <summary>How many times the OpenID metadata was asked for: who validates a token against this issuer, and when.</summary>
    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    /// <summary>The value for <c>Bot:EntraOpenIdMetadataUrl</c>.</summary>
    public string MetadataUrlTemplate => $"{BaseUrl}/{{tenantId}}/v2.0/.well-known/openid-configuration";

    public static async Task<EntraTestIssuer> StartAsync()
    {
        var issuer = new EntraTestIssuer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/{tenantId}/v2.0/.well-known/openid-configuration", (string tenantId) =>
        {
            Interlocked.Increment(ref issuer._metadataRequests);
            return Results.Text(new JsonObject
            {
                ["issuer"] = $"https://login.microsoftonline.com/{tenantId}/v2.0",
                ["jwks_uri"] = $"{issuer.BaseUrl}/{tenantId}/discovery/v2.0/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            }.ToJsonString(), "application/json");
        });
        app.MapGet("/{tenantId}/discovery/v2.0/keys", () => Results.Text(new JsonObject { ["keys"] = new JsonArray(issuer.Jwk()) }.ToJsonString(), "application/json"));
        await app.StartAsync();
        issuer._app = app;
        issuer.BaseUrl = app.Urls.First().TrimEnd('/');
        return issuer;
    }

    /// <summary>A Teams SSO style access token (v1 issuer of <paramref name="tenantId"/>) for the user <paramref name="objectId"/>.</summary>
    public string Token(string objectId, string tenantId, string audience, DateTimeOffset? expires = null, string? issuerTenantId = null, SecurityKey? key = null)
    {
        var now = DateTimeOffset.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = $"https://sts.windows.net/{issuerTenantId ?? tenantId}/",
            Audience = audience,
            NotBefore = (expires ?? now.AddHours(1)).AddHours(-2).UtcDateTime,
            IssuedAt = (expires ?? now.AddHours(1)).AddHours(-2).UtcDateTime,
            Expires = (expires ?? now.AddHours(1)).UtcDateTime,
            Claims = new Dictionary<string, object> { ["oid"] = objectId, ["tid"] = tenantId, ["scp"] = "access_as_user", ["ver"] = "1.0" },
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private JsonObject Jwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _rsa.Dispose();
        _stranger.Dispose();
    }
}
