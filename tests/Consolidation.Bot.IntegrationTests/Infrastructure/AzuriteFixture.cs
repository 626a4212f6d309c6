namespace Consolidation.Bot.IntegrationTests.Infrastructure;

/// <summary>
/// A real Azurite (Blob, Queue, Table; in memory) on free loopback ports for the tests of one collection.
/// Tests isolate themselves with their own table prefix (<see cref="NewTablePrefix"/>).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private NodeProcess? _process;
    private int _prefixCounter;

    public int BlobPort { get; } = FreePort.Next();
    public int QueuePort { get; } = FreePort.Next();
    public int TablePort { get; } = FreePort.Next();

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <summary>A table prefix no other test in this run uses.</summary>
    public string NewTablePrefix() => $"t{Environment.ProcessId % 10000}x{Interlocked.Increment(ref _prefixCounter)}";

    public async Task InitializeAsync()
    {
        _process = NodeProcess.Start(
            RepoPaths.NodeTool("azurite/dist/src/azurite.js"),
            [
                "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--silent",
                "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ],
            Path.GetTempPath());
        try
        {
            await FreePort.WaitUntilListeningAsync(TablePort, TimeSpan.FromSeconds(30), "Azurite");
            await FreePort.WaitUntilListeningAsync(QueuePort, TimeSpan.FromSeconds(30), "Azurite");
            await FreePort.WaitUntilListeningAsync(BlobPort, TimeSpan.FromSeconds(30), "Azurite");
        }
        catch (TimeoutException ex)
        {
            throw new InvalidOperationException("Azurite did not start: " + _process.Output, ex);
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
