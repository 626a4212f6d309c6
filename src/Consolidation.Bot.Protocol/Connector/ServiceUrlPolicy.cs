using Consolidation.Bot.Protocol.Auth;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Protocol.Connector;

/// <summary>
/// Where the connector token may go (README "Security"): https service URLs on the Bot Connector's hosts
/// (<see cref="BuiltInHosts"/>, PROTOCOL.md 2.2, and the US government clouds' Teams connectors) or on a host named in
/// <c>Bot:ServiceUrlHosts</c> (<c>host</c> for the https default port, <c>host:port</c> for another); plain http only to
/// loopback and only in development mode. A service URL comes from an activity or a stored conversation reference, so
/// it is checked on every call, before a token is fetched.
/// </summary>
public sealed class ServiceUrlPolicy
{
    /// <summary>
    /// The public Bot Connector for Teams (<c>smba.trafficmanager.net</c>, regional and tenant paths included) and the
    /// Teams connectors of GCC, GCC High and DoD (the well-known endpoints listed by the Microsoft 365 Agents SDK).
    /// </summary>
    public static readonly IReadOnlyList<string> BuiltInHosts =
    [
        "smba.trafficmanager.net",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
    ];

    private readonly HashSet<string> _hosts;
    private readonly DevelopmentMode _developmentMode;

    public ServiceUrlPolicy(IOptions<BotAuthenticationOptions> options, DevelopmentMode developmentMode)
    {
        ArgumentNullException.ThrowIfNull(options);
        _hosts = new HashSet<string>(
            BuiltInHosts.Concat(options.Value.ServiceUrlHosts.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim()))
                .Select(HostAndPort).OfType<string>(),
            StringComparer.OrdinalIgnoreCase);
        _developmentMode = developmentMode;
    }

    /// <summary>True when a connector call (and the token) may go to <paramref name="serviceUrl"/>.</summary>
    public bool Allows(Uri? serviceUrl)
    {
        if (serviceUrl is not { IsAbsoluteUri: true } || !string.IsNullOrEmpty(serviceUrl.UserInfo))
        {
            return false;
        }

        if (serviceUrl.Scheme == Uri.UriSchemeHttps && _hosts.Contains(serviceUrl.IdnHost + ":" + serviceUrl.Port))
        {
            return true;
        }

        return _developmentMode.IsEnabled && serviceUrl.IsLoopback
            && (serviceUrl.Scheme == Uri.UriSchemeHttp || serviceUrl.Scheme == Uri.UriSchemeHttps);
    }

    /// <summary><c>host:port</c> of a configured entry (<c>host</c> means port 443); null for an entry that is no host.</summary>
    private static string? HostAndPort(string entry) =>
        Uri.TryCreate("https://" + entry, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.UserInfo)
            ? uri.IdnHost + ":" + uri.Port
            : null;

    /// <inheritdoc cref="Allows(Uri?)"/>
    public bool Allows(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && Allows(uri);
}
