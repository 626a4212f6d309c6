using System.Text;
using System.Text.Json.Nodes;
using Consolidation.Bot.Conversations;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Infrastructure;

/// <summary>
/// The bot in-process (development mode on loopback) with a loopback fake connector: post activities to
/// <c>/api/messages</c>, read the invoke response, and wait for what the bot sent.
/// </summary>
internal sealed class InProcessBot(BotHost host, FakeConnector connector) : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public BotHost Host => host;

    public FakeConnector Connector => connector;

    public ConversationReferenceStore References => host.Services.GetRequiredService<ConversationReferenceStore>();

    public ReviewRepository Repository => host.Services.GetRequiredService<ReviewRepository>();

    /// <summary>A started bot with <paramref name="settings"/> and a fresh connector.</summary>
    public static async Task<InProcessBot> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var connector = await FakeConnector.StartAsync();
        var host = new BotHost(settings);
        await host.StartAsync();
        return new InProcessBot(host, connector);
    }

    /// <summary>
    /// The usual chat bot of a test: development mode (no app id) for <paramref name="tenant"/>, its own tables on Azurite,
    /// no schedules, the outbox polled every 100 ms, Japanese; <paramref name="extra"/> adds or overrides settings.
    /// </summary>
    public static Task<InProcessBot> StartChatBotAsync(AzuriteFixture azurite, string tenant, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "",
            ["Bot:TenantId"] = tenant,
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = azurite.NewTablePrefix(),
            ["Schedules:Enabled"] = "false",
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["Review:Locale"] = "ja-JP",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return StartAsync(settings);
    }

    public async Task PostAsync(JsonObject activity) => await InvokeAsync(activity);

    /// <summary>Posts and returns the response body (an invoke's response); a non-success status fails the test.</summary>
    public async Task<string> InvokeAsync(JsonObject activity)
    {
        using var response = await _http.PostAsync(host.MessagesUrl, new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The first delivery that matches, waiting up to 20 s; fails with what was delivered instead.</summary>
    public async Task<ConnectorDelivery> WaitForAsync(Func<ConnectorDelivery, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (connector.Deliveries.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "no such delivery; got: " + string.Join(" | ", connector.Deliveries.Select(d => d.ConversationId + " " + d.Activity.ToJsonString())));
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await host.DisposeAsync();
        await connector.DisposeAsync();
    }
}
