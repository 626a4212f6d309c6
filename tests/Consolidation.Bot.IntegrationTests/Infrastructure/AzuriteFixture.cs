namespace Consolidation.Bot.IntegrationTests.Infrastructure;

/// <summary>
/// A real Azurite (Blob, Queue, Table; in memory) on free loopback ports for the tests of one collection.
/// Tests isolate themselves with their own table prefix (<see cref="NewTablePrefix"/>).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime, IAsyncDisposable
{
    private readonly AzuriteProcess _azurite = new();
    private int _prefixCounter;

    public int BlobPort => _azurite.BlobPort;
    public int QueuePort => _azurite.QueuePort;
    public int TablePort => _azurite.TablePort;

    public string ConnectionString => _azurite.ConnectionString;

    /// <summary>A table prefix no other test in this run uses.</summary>
    public string NewTablePrefix() => $"t{Environment.ProcessId % 10000}x{Interlocked.Increment(ref _prefixCounter)}";

    public Task InitializeAsync() => _azurite.StartAsync();

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    ValueTask IAsyncDisposable.DisposeAsync() => _azurite.DisposeAsync();
}
