using System.ComponentModel.DataAnnotations;

namespace Consolidation.Bot.Tab;

/// <summary>Settings of the <c>Tab</c> section: where the secretariat's tab is served from.</summary>
public sealed class TabOptions
{
    public const string SectionName = "Tab";

    /// <summary>The development host: <c>./scripts/run</c> serves the tab there, and package-manifest uses it without --host.</summary>
    public const string DevelopmentHost = "127.0.0.1:3978";

    /// <summary>A host name (or address) and optional port; no scheme, no path.</summary>
    public const string HostPattern = @"^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?$";

    /// <summary>
    /// The bot web app's public host name (e.g. <c>consolidation-bot.azurewebsites.net</c>), without scheme or path. The
    /// tab's Teams SSO token must be issued for <c>api://{Host}/{Bot:AppId}</c> (the app registration's Application ID
    /// URI, and <c>webApplicationInfo.resource</c> in the manifest). Empty: only tokens whose audience is the app id
    /// itself (v2 access tokens) are accepted.
    /// </summary>
    [RegularExpression(HostPattern,
        ErrorMessage = "Tab:Host must be a host name (and optional port) without scheme or path, e.g. bot.city.example.jp.")]
    public string? Host { get; set; }

    /// <summary>
    /// The Entra app registration the tab's SSO token is issued for, when it is not <c>Bot:AppId</c>: a bot that runs as a
    /// managed identity (<c>Bot:Credential=UserAssignedMsi</c>) cannot expose an API, so the city registers an app for the
    /// tab (no secret: the bot only validates its tokens). Empty: <c>Bot:AppId</c>.
    /// </summary>
    [RegularExpression(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
        ErrorMessage = "Tab:ClientId must be an app (client) id like 00000000-0000-0000-0000-000000000000.")]
    public string? ClientId { get; set; }

    /// <summary>The Application ID URI the tab's token is issued for.</summary>
    public static string ApplicationIdUri(string host, string appId) => $"api://{host}/{appId}";
}
