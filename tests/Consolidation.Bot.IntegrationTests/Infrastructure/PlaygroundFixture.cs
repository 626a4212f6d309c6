using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Infrastructure;

/// <summary>
/// Azurite + the bot (development mode, no app id) + the real Microsoft 365 Agents Playground with the repo's
/// Playground config, wired together on free loopback ports, and one conversation WebSocket open for the whole
/// collection. Tests of one collection run one after another and use <see cref="ConversationStream.Mark"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync, which disposes the Playground.")]
public class PlaygroundFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private PlaygroundProcess? _playground;

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
            // No scheduled digests or reminders in the middle of other tests ("digest now" still works).
            ["Schedules:Enabled"] = "false",
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
    }

    private async Task StartPlaygroundAsync()
    {
        _playground = new PlaygroundProcess(Bot.MessagesUrl, PlaygroundPort);
        await _playground.StartAsync();
    }
}
