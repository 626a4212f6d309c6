namespace Consolidation.Bot.Graph;

/// <summary>
/// The <c>Graph</c> section: an app-only credential for Microsoft Graph (client secret from configuration or the
/// environment, never the repository) and the Teams app's catalog id. Without them (development) the bot finds
/// members through the Bot Connector roster of the teams it is installed in.
/// </summary>
public sealed class GraphOptions
{
    public const string SectionName = "Graph";

    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The app's id in the tenant's app catalog (Teams admin center → Manage apps → the app → App ID).</summary>
    public string? TeamsAppId { get; set; }

    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>The Bot Connector endpoint for chats found through Graph (Teams' global one unless configured).</summary>
    public string ServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret) && !string.IsNullOrWhiteSpace(TeamsAppId);
}
