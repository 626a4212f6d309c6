using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Storage;

/// <summary>
/// Hands out <see cref="TableClient"/>s for the bot's tables (name = <c>Storage:TablePrefix</c> + logical name),
/// creating each table once on first use. A failed creation is retried on the next call
/// (<see cref="RetryingInitializer{T}"/>), so the bot starts and reports not-ready while storage is down instead of
/// failing to start.
/// </summary>
public sealed class TableClientProvider(TableServiceClient service, IOptions<StorageOptions> options)
{
    private readonly ConcurrentDictionary<string, RetryingInitializer<TableClient>> _tables = new(StringComparer.Ordinal);

    public TableServiceClient Service => service;

    public string TableName(string logicalName) => options.Value.TablePrefix + logicalName;

    public Task<TableClient> GetAsync(string logicalName, CancellationToken cancellationToken) =>
        _tables.GetOrAdd(logicalName, name => new RetryingInitializer<TableClient>(_ => CreateAsync(name))).GetAsync(cancellationToken);

    private async Task<TableClient> CreateAsync(string logicalName)
    {
        var client = service.GetTableClient(TableName(logicalName));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.CreateIfNotExistsAsync(timeout.Token);
        return client;
    }
}
