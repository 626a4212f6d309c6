namespace Consolidation.Bot.Protocol.Auth;

/// <summary>A tenant's Entra token issuers (v1 and v2 access tokens), for every validator that accepts Entra tokens.</summary>
public static class EntraIssuers
{
    public static string V1(string tenantId) => $"https://sts.windows.net/{tenantId}/";

    public static string V2(string tenantId) => $"https://login.microsoftonline.com/{tenantId}/v2.0";

    /// <summary>The tenant's OpenID metadata URL from the configured template (<c>Bot:EntraOpenIdMetadataUrl</c>).</summary>
    public static string MetadataUrl(BotAuthenticationOptions options, string tenantId) => BotTokenIssuers.EntraMetadataUrl(options, tenantId);
}
