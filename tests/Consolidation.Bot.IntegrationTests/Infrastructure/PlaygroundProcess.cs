using System.Globalization;
using System.Text.RegularExpressions;

namespace Consolidation.Bot.IntegrationTests.Infrastructure;

/// <summary>The real Agents Playground (no client id) with the repo's mock tenant, calling the bot at <paramref name="botMessagesUrl"/>.</summary>
public sealed class PlaygroundProcess(string botMessagesUrl, int port) : IAsyncDisposable
{
    private NodeProcess? _process;
    private string? _workDir;

    public int Port { get; } = port;

    public string ConnectorUrl => $"http://127.0.0.1:{Port}/_connector";

    public async Task StartAsync()
    {
        _workDir = Directory.CreateTempSubdirectory("playground-").FullName;
        var port = Port.ToString(CultureInfo.InvariantCulture);
        _process = NodeProcess.Start(
            RepoPaths.NodeTool("@microsoft/m365agentsplayground/cli.js"),
            ["-e", botMessagesUrl, "-c", "msteams", "--dt", "-p", port, "--service-url", ConnectorUrl],
            _workDir,
            new Dictionary<string, string>
            {
                ["TEAMSAPPTESTER_BROWSER"] = "none",
                ["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = RepoPaths.PlaygroundConfig,
                ["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(_workDir, "playground.log"),
            });

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Regex.IsMatch(_process.Output, @"Listening on \d+"))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                var log = Path.Combine(_workDir, "playground.log");
                throw new InvalidOperationException("The Playground did not start: " + _process.Output
                    + (File.Exists(log) ? await File.ReadAllTextAsync(log) : ""));
            }

            await Task.Delay(50);
        }

        var listening = Regex.Match(_process.Output, @"Listening on (\d+)").Groups[1].Value;
        if (listening != port)
        {
            throw new InvalidOperationException($"The Playground took port {listening} instead of {port} (port was busy).");
        }

        await FreePort.WaitUntilListeningAsync(Port, TimeSpan.FromSeconds(10), "Playground");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        if (_workDir is not null)
        {
            Directory.Delete(_workDir, recursive: true);
        }
    }
}
