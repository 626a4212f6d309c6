using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Storage;

/// <summary>
/// The one place that turns <see cref="StorageOptions"/> into storage clients: by endpoint with the managed identity's
/// token on Azure, by connection string in development; both with the short retries of <see cref="StorageFailures"/>.
/// </summary>
public sealed class StorageClients(IOptions<StorageOptions> options)
{
    private readonly Lazy<ManagedIdentityCredential?> _credential = new(() => CreateCredential(options.Value));

    public TableServiceClient Tables()
    {
        var clientOptions = new TableClientOptions();
        StorageFailures.Configure(clientOptions.Retry);
        var o = options.Value;
        return _credential.Value is { } credential
            ? new TableServiceClient(o.TableUri(), credential, clientOptions)
            : new TableServiceClient(o.ConnectionString, clientOptions);
    }

    public QueueClient Queue(string name) => QueueService().GetQueueClient(name);

    /// <summary>The account's queue service (listing the tenants' outbox queues).</summary>
    public QueueServiceClient QueueService()
    {
        var clientOptions = new QueueClientOptions();
        StorageFailures.Configure(clientOptions.Retry);
        var o = options.Value;
        return _credential.Value is { } credential
            ? new QueueServiceClient(o.QueueUri(), credential, clientOptions)
            : new QueueServiceClient(o.ConnectionString, clientOptions);
    }

    private static ManagedIdentityCredential? CreateCredential(StorageOptions o) => !o.UsesToken ? null
        : new ManagedIdentityCredential(string.IsNullOrWhiteSpace(o.ManagedIdentityClientId)
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(o.ManagedIdentityClientId));
}
