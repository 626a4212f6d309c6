using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Infrastructure;

/// <summary>
/// Azurite + the bot (development mode, no app id) + the real Microsoft 365 Agents Playground with the repo's
/// Playground config, wired together on free loopback ports, and one conversation WebSocket open for the whole
/// collection. Tests of one collection run one after another and use <see cref="ConversationStream.Mark"/>.
/// </summary>
public class PlaygroundFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private NodeProcess? _playground;
    private string? _workDir;

    public BotHost Bot { get; private set; } = null!;

    public PlaygroundClient Playground { get; private set; } = null!;

    public ConversationStream Stream { get; private set; } = null!;

    public int PlaygroundPort { get; } = FreePort.Next();

    public string StorageConnectionString => _azurite.ConnectionString;

    public string TablePrefix { get; private set; } = "";

    public IServiceProvider Services => Bot.Services;

    /// <summary>Extra settings for the bot (override in a derived fixture).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        TablePrefix = _azurite.NewTablePrefix();
        var settings = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "",
            ["Storage:ConnectionString"] = _azurite.ConnectionString,
            ["Storage:TablePrefix"] = TablePrefix,
            ["Review:Locale"] = "ja-JP",
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        Bot = new BotHost(settings, ConfigureServices);
        await Bot.StartAsync();
        await StartPlaygroundAsync();
        Playground = new PlaygroundClient(PlaygroundPort);
        Stream = await ConversationStream.ConnectAsync(PlaygroundPort);
    }

    public async Task DisposeAsync()
    {
        if (Stream is not null)
        {
            await Stream.DisposeAsync();
        }

        Playground?.Dispose();
        if (_playground is not null)
        {
            await _playground.DisposeAsync();
        }

        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }

        await _azurite.DisposeAsync();
        if (_workDir is not null)
        {
            Directory.Delete(_workDir, recursive: true);
        }
    }

    private async Task StartPlaygroundAsync()
    {
        _workDir = Directory.CreateTempSubdirectory("playground-").FullName;
        var port = PlaygroundPort.ToString(CultureInfo.InvariantCulture);
        _playground = NodeProcess.Start(
            RepoPaths.NodeTool("@microsoft/m365agentsplayground/cli.js"),
            ["-e", Bot.MessagesUrl, "-c", "msteams", "--dt", "-p", port, "--service-url", $"http://127.0.0.1:{port}/_connector"],
            _workDir,
            new Dictionary<string, string>
            {
                ["TEAMSAPPTESTER_BROWSER"] = "none",
                ["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = RepoPaths.PlaygroundConfig,
                ["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(_workDir, "playground.log"),
            });

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Regex.IsMatch(_playground.Output, @"Listening on \d+"))
        {
            if (_playground.HasExited || DateTime.UtcNow > deadline)
            {
                var log = Path.Combine(_workDir, "playground.log");
                throw new InvalidOperationException("The Playground did not start: " + _playground.Output
                    + (File.Exists(log) ? await File.ReadAllTextAsync(log) : ""));
            }

            await Task.Delay(50);
        }

        var listening = Regex.Match(_playground.Output, @"Listening on (\d+)").Groups[1].Value;
        if (listening != port)
        {
            throw new InvalidOperationException($"The Playground took port {listening} instead of {port} (port was busy).");
        }

        await FreePort.WaitUntilListeningAsync(PlaygroundPort, TimeSpan.FromSeconds(10), "Playground");
    }
}
