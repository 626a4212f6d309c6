using System.Globalization;

namespace Consolidation.Bot.Testing;

/// <summary>
/// A real Azurite (Blob, Queue, Table) on fixed loopback ports. In memory by default; with a data folder it keeps its
/// data across <see cref="StopAsync"/> and <see cref="StartAsync"/>, which is how tests take the store away for a while.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string? _location;
    private readonly TestCertificate? _oauth;
    private NodeProcess? _process;

    /// <param name="location">A data folder (kept across stop and start); in memory without one.</param>
    /// <param name="oauth">
    /// Serve HTTPS with this certificate and accept Entra bearer tokens (<c>--oauth basic</c>: issuer, audience and
    /// expiry are checked, the signature is not), as a storage account reached with a managed identity is.
    /// </param>
    public AzuriteProcess(string? location = null, TestCertificate? oauth = null)
    {
        _location = location;
        _oauth = oauth;
    }

    private string Scheme => _oauth is null ? "http" : "https";

    public string TableEndpoint => $"{Scheme}://127.0.0.1:{TablePort}/devstoreaccount1";

    public string QueueEndpoint => $"{Scheme}://127.0.0.1:{QueuePort}/devstoreaccount1";

    public int BlobPort { get; } = FreePort.Next();
    public int QueuePort { get; } = FreePort.Next();
    public int TablePort { get; } = FreePort.Next();

    public string ConnectionString =>
        $"DefaultEndpointsProtocol={Scheme};AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint={Scheme}://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint={QueueEndpoint};" +
        $"TableEndpoint={TableEndpoint};";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>CPU time Azurite has used so far (zero before it starts): what a benchmark's storage work cost the store.</summary>
    public TimeSpan ProcessorTime => _process?.ProcessorTime ?? TimeSpan.Zero;

    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var storage = _location is null ? new[] { "--inMemoryPersistence" } : ["--location", Directory.CreateDirectory(_location).FullName];
        // Diagnostics: AZURITE_DEBUG_LOG=/path makes Azurite log every request it serves (to count storage calls per turn).
        var debug = Environment.GetEnvironmentVariable("AZURITE_DEBUG_LOG") is { Length: > 0 } log ? new[] { "--debug", log } : [];
        var oauth = _oauth is null ? [] : new[] { "--cert", _oauth.CertificatePem, "--key", _oauth.KeyPem, "--oauth", "basic" };
        _process = NodeProcess.Start(
            RepoPaths.NodeTool("azurite/dist/src/azurite.js"),
            [
                .. storage, .. debug, .. oauth, "--skipApiVersionCheck", "--disableTelemetry", "--silent",
                "--blobHost", "127.0.0.1", "--blobPort", Port(BlobPort),
                "--queueHost", "127.0.0.1", "--queuePort", Port(QueuePort),
                "--tableHost", "127.0.0.1", "--tablePort", Port(TablePort),
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

    /// <summary>
    /// Stops Azurite: its ports close and every request fails until <see cref="StartAsync"/>. With a data folder the stop
    /// is a clean one (SIGINT: Azurite saves its data) and the restart brings the same data back; in memory it is a kill.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            if (_location is not null)
            {
                await _process.InterruptAsync();
            }

            await _process.DisposeAsync();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
