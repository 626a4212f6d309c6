namespace Consolidation.Bot.Graph;

/// <summary>How the bot signs in to Microsoft Graph (app-only).</summary>
public enum GraphCredentialKind
{
    /// <summary>An app registration's client secret: <c>Graph:TenantId</c>, <c>Graph:ClientId</c>, <c>Graph:ClientSecret</c>.</summary>
    ClientSecret,

    /// <summary>
    /// The managed identity of the Azure host (App Service, Container Apps, a VM): no secret to store or rotate.
    /// <c>Graph:ClientId</c>, when set, selects a user-assigned identity; otherwise the system-assigned one.
    /// </summary>
    ManagedIdentity,
}

/// <summary>
/// The <c>Graph</c> section: an app-only credential for Microsoft Graph (a client secret from configuration or the
/// environment, never the repository, or the host's managed identity) and the Teams app's catalog id. Without them
/// (development) the bot finds members through the Bot Connector roster of the teams it is installed in.
/// </summary>
public sealed class GraphOptions
{
    public const string SectionName = "Graph";

    public GraphCredentialKind Credential { get; set; } = GraphCredentialKind.ClientSecret;

    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The app's id in the tenant's app catalog (Teams admin center → Manage apps → the app → App ID).</summary>
    public string? TeamsAppId { get; set; }

    /// <summary>Graph's endpoint; a national cloud has its own (e.g. <c>https://graph.microsoft.us/v1.0</c>).</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>The Bot Connector endpoint for chats found through Graph (Teams' global one unless configured).</summary>
    public string ServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(TeamsAppId) && (Credential == GraphCredentialKind.ManagedIdentity
            || (!string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret)));

    /// <summary>The token scope: the application permissions granted on <see cref="BaseUrl"/>'s resource (<c>https://graph.microsoft.com/.default</c>).</summary>
    public string Scope => new Uri(BaseUrl).GetLeftPart(UriPartial.Authority) + "/.default";
}
