using Azure.Core;
using Azure.Identity;
using Microsoft.Graph.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Graph;

namespace Consolidation.Bot.Graph;

/// <summary>
/// Microsoft Graph when it is configured (<see cref="GraphOptions.IsConfigured"/>), otherwise none: the bot then finds
/// members through the Bot Connector roster of its teams (development, the Playground).
/// </summary>
public sealed class DirectoryGraphAccess
{
    public DirectoryGraphAccess(IDirectoryGraph? graph, GraphOptions options)
    {
        Graph = graph;
        Options = options;
    }

    public IDirectoryGraph? Graph { get; }

    public GraphOptions Options { get; }

    public static DirectoryGraphAccess FromOptions(IOptions<GraphOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        if (!o.IsConfigured)
        {
            return new DirectoryGraphAccess(null, o);
        }

        TokenCredential credential = o.Credential == GraphCredentialKind.ManagedIdentity
            ? new ManagedIdentityCredential(string.IsNullOrWhiteSpace(o.ClientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(o.ClientId))
            : new ClientSecretCredential(o.TenantId, o.ClientId, o.ClientSecret);
        // Tokens only for the configured Graph host (a national cloud's when configured), for its own resource.
        var authentication = new AzureIdentityAuthenticationProvider(credential, [new Uri(o.BaseUrl).Host], null, true, o.Scope);
        var client = new GraphServiceClient(authentication, o.BaseUrl);
        return new DirectoryGraphAccess(new GraphDirectory(client, options, time), o);
    }
}
