namespace Consolidation.Bot.Protocol.Auth;

/// <summary>How the bot gets its Bot Connector token (PROTOCOL.md 2.1, and <c>MicrosoftAppType</c> in the SDKs).</summary>
public enum BotCredentialKind
{
    /// <summary>The app registration's client secret, <c>Bot:AppPassword</c> (MSAL client credentials).</summary>
    ClientSecret,

    /// <summary>
    /// The host's user-assigned managed identity whose client id is <c>Bot:AppId</c> (an Azure Bot of type
    /// UserAssignedMSI): no secret exists. Needs <c>Bot:TenantId</c>.
    /// </summary>
    UserAssignedMsi,
}

/// <summary>Settings of the <c>Bot</c> configuration section that inbound validation and outbound tokens use.</summary>
public sealed class BotAuthenticationOptions
{
    public const string SectionName = "Bot";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultEntraOpenIdMetadataUrl = "https://login.microsoftonline.com/{tenantId}/v2.0/.well-known/openid-configuration";

    /// <summary>
    /// Entra app (client) id of the bot. Empty is allowed only in the Development environment, where unsigned requests
    /// from loopback are accepted (<see cref="DevelopmentMode"/>); any other environment refuses to start without it.
    /// </summary>
    public string? AppId { get; set; }

    /// <summary>Where the connector token comes from: a client secret (default) or the user-assigned managed identity.</summary>
    public BotCredentialKind Credential { get; set; } = BotCredentialKind.ClientSecret;

    /// <summary>Client secret for outbound tokens (<see cref="BotCredentialKind.ClientSecret"/>). From configuration/environment only.</summary>
    public string? AppPassword { get; set; }

    /// <summary>Entra tenant of a single-tenant bot; adds that tenant's Entra issuers and is the token authority.</summary>
    public string? TenantId { get; set; }

    /// <summary>OpenID metadata of the Bot Framework token issuer.</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>OpenID metadata for Entra-issued tokens; <c>{tenantId}</c> is replaced by the token's tenant.</summary>
    public string EntraOpenIdMetadataUrl { get; set; } = DefaultEntraOpenIdMetadataUrl;

    /// <summary>
    /// Tenants whose activities are accepted. Empty: <see cref="TenantId"/> if set; if both are empty, any tenant in
    /// development mode and none otherwise (a city's single-tenant app names its tenant).
    /// </summary>
    public IList<string> AllowedTenants { get; } = [];

    /// <summary>Largest accepted request body, in bytes (default 256 KiB).</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Hosts (besides the Bot Connector's own, <see cref="Connector.ServiceUrlPolicy.BuiltInHosts"/>) whose https service
    /// URLs may receive the bot's connector token, e.g. a sovereign cloud's connector not listed there.
    /// </summary>
    public IList<string> ServiceUrlHosts { get; } = [];

    /// <summary>No <see cref="AppId"/>: see <see cref="DevelopmentMode"/> for when that is allowed.</summary>
    public bool IsAppIdMissing => string.IsNullOrWhiteSpace(AppId);
}
