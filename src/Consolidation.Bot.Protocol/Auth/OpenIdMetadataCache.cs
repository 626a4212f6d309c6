using System.Collections.Concurrent;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Consolidation.Bot.Protocol.Auth;

/// <summary>
/// One <see cref="ConfigurationManager{T}"/> per metadata URL. Keys are refreshed every 12 hours (the Bot
/// Framework requires at least every 24 h) and on demand at most every 5 minutes. Only https URLs are used,
/// except http on a loopback host (local test servers).
/// </summary>
internal sealed class OpenIdMetadataCache : IOpenIdMetadataSource, IDisposable
{
    public static readonly TimeSpan AutomaticRefreshInterval = TimeSpan.FromHours(12);
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _managers =
        new(StringComparer.Ordinal);

    private readonly HttpClient _httpClient;

    public OpenIdMetadataCache()
        : this(new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) })
        {
            Timeout = TimeSpan.FromSeconds(10),
        })
    {
    }

    internal OpenIdMetadataCache(HttpClient httpClient) => _httpClient = httpClient;

    public Task<OpenIdConnectConfiguration> GetAsync(string metadataUrl, CancellationToken cancellationToken) =>
        Manager(metadataUrl).GetConfigurationAsync(cancellationToken);

    public void RequestRefresh(string metadataUrl) => Manager(metadataUrl).RequestRefresh();

    public void Dispose() => _httpClient.Dispose();

    /// <summary>True for https URLs and for http URLs whose host is a loopback address.</summary>
    public static bool IsAllowedMetadataUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    private ConfigurationManager<OpenIdConnectConfiguration> Manager(string metadataUrl) =>
        _managers.GetOrAdd(metadataUrl, CreateManager, _httpClient);

    private static ConfigurationManager<OpenIdConnectConfiguration> CreateManager(string metadataUrl, HttpClient httpClient)
    {
        if (!IsAllowedMetadataUrl(metadataUrl))
        {
            throw new InvalidOperationException(
                $"OpenID metadata URL '{metadataUrl}' must be https (http is allowed only for loopback hosts).");
        }

        var retriever = new HttpDocumentRetriever(httpClient) { RequireHttps = !new Uri(metadataUrl).IsLoopback };
        return new ConfigurationManager<OpenIdConnectConfiguration>(
            metadataUrl, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = AutomaticRefreshInterval,
            RefreshInterval = MinimumRefreshInterval,
        };
    }
}
