namespace Consolidation.Bot.Protocol.Auth;

/// <summary>Which token issuer a request used, and where that issuer's signing keys are published.</summary>
internal sealed record BotTokenIssuer(string Issuer, string MetadataUrl, string? EntraTenantId)
{
    public bool IsEntra => EntraTenantId is not null;
}

/// <summary>
/// The issuers accepted on <c>/api/messages</c> (PROTOCOL.md 1.2/1.3): the Bot Framework issuer, and for a
/// configured single tenant that tenant's Entra v1 and v2 issuers. Multi-tenant Entra issuers are not accepted.
/// </summary>
internal static class BotTokenIssuers
{
    public const string TenantIdPlaceholder = "{tenantId}";

    public static IReadOnlyList<string> ValidIssuers(BotAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.TenantId))
        {
            return [BotAuthenticationOptions.BotFrameworkIssuer];
        }

        return [BotAuthenticationOptions.BotFrameworkIssuer, EntraV1(options.TenantId), EntraV2(options.TenantId)];
    }

    /// <summary>Maps a token's <c>iss</c> to the accepted issuer, or null when the issuer is not accepted.</summary>
    public static BotTokenIssuer? Resolve(string? issuer, BotAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(issuer))
        {
            return null;
        }

        if (string.Equals(issuer, BotAuthenticationOptions.BotFrameworkIssuer, StringComparison.Ordinal))
        {
            return new BotTokenIssuer(issuer, options.OpenIdMetadataUrl, null);
        }

        var tenantId = options.TenantId;
        if (string.IsNullOrWhiteSpace(tenantId))
        {
            return null;
        }

        var isEntra = string.Equals(issuer, EntraV1(tenantId), StringComparison.Ordinal)
            || string.Equals(issuer, EntraV2(tenantId), StringComparison.Ordinal);
        return isEntra ? new BotTokenIssuer(issuer, EntraMetadataUrl(options, tenantId), tenantId) : null;
    }

    public static string EntraMetadataUrl(BotAuthenticationOptions options, string tenantId)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.EntraOpenIdMetadataUrl.Replace(
            TenantIdPlaceholder, Uri.EscapeDataString(tenantId), StringComparison.OrdinalIgnoreCase);
    }

    private static string EntraV1(string tenantId) => EntraIssuers.V1(tenantId);

    private static string EntraV2(string tenantId) => EntraIssuers.V2(tenantId);
}
