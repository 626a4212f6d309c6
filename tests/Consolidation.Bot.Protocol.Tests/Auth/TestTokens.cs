using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Consolidation.Bot.Protocol.Tests.Auth;

/// <summary>Builds Bot Connector style tokens for tests (times relative to <see cref="Now"/>).</summary>
internal static class TestTokens
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string OtherTenantId = "0d9d4c5e-1111-4222-8333-944444444444";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/72f988bf-86f1-41af-91ab-2d7cd011db47/";

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 20, 0, 0, TimeSpan.Zero);

    public static string EntraV2Issuer(string tenantId) => $"https://login.microsoftonline.com/{tenantId}/v2.0";

    public static string EntraV1Issuer(string tenantId) => $"https://sts.windows.net/{tenantId}/";

    public static string Create(
        SecurityKey key,
        string issuer = BotFrameworkIssuer,
        string audience = AppId,
        string? serviceUrl = ServiceUrl,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null,
        IDictionary<string, object>? claims = null,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var allClaims = new Dictionary<string, object>(claims ?? new Dictionary<string, object>());
        if (serviceUrl is not null)
        {
            allClaims["serviceurl"] = serviceUrl;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = (notBefore ?? Now.AddMinutes(-5)).UtcDateTime,
            IssuedAt = (notBefore ?? Now.AddMinutes(-5)).UtcDateTime,
            Expires = (expires ?? Now.AddMinutes(55)).UtcDateTime,
            Claims = allClaims,
            SigningCredentials = new SigningCredentials(key, algorithm),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public static string Unsigned()
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(
            $$"""{"iss":"{{BotFrameworkIssuer}}","aud":"{{AppId}}","serviceurl":"{{ServiceUrl}}","nbf":{{Now.AddMinutes(-5).ToUnixTimeSeconds()}},"exp":{{Now.AddMinutes(55).ToUnixTimeSeconds()}}}""");
        return $"{header}.{payload}.";
    }

    /// <summary>An HS256 token signed with a shared secret under the published kid.</summary>
    public static string Hs256(string keyId) =>
        Create(new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-shared-secret-that-is-long-enough-for-hs256!")) { KeyId = keyId },
            algorithm: SecurityAlgorithms.HmacSha256);
}
