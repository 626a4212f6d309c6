using Azure.Identity;
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

        var credential = new ClientSecretCredential(o.TenantId, o.ClientId, o.ClientSecret);
        var client = new GraphServiceClient(credential, ["https://graph.microsoft.com/.default"], o.BaseUrl);
        return new DirectoryGraphAccess(new GraphDirectory(client, options, time), o);
    }
}
