using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Testing.Scenarios;

namespace Consolidation.Bot.IntegrationTests.Faults;

/// <summary>
/// Scale-out (issue 19) with bot processes on one Azurite and the Teams-limited fake connector: the instances share each
/// tenant's budget through the store, and tenants keep apart.
/// </summary>
[Collection(FaultsCollection.Name)]
public class ScaleOutTests(AzuriteFixture azurite)
{
    private const string TenantB = "00000000-0000-4000-8000-0000000000bb";

    /// <summary>Outbox lease short so the killed instance's messages come back soon; queues listed every second.</summary>
    private static readonly Dictionary<string, string?> Fast = new()
    {
        ["Outbox:Lease"] = "00:00:05",
        ["Outbox:QueueScanInterval"] = "00:00:01",
    };

    [Fact]
    public async Task ThreeInstances_OneKilledAndRestartedMidFanOut_EveryCardOnce_AndTeamsRarelySays429()
    {
        const int members = 1000;
        await using var connector = await FakeConnector.StartAsync();
        connector.ResponseDelay = TimeSpan.FromMilliseconds(100);
        var scenario = new FanOutScenario(azurite.ConnectionString, azurite.NewTablePrefix(), connector, members);
        await using var graph = await FakeGraph.StartAsync(scenario.ChatOf);
        var settings = scenario.BotSettings(new Dictionary<string, string?>(graph.BotSettings("fake-teams-app").Concat(Fast)));
        var bots = new[] { BotProcess.Start(FreePort.Next(), settings), BotProcess.Start(FreePort.Next(), settings), BotProcess.Start(FreePort.Next(), settings) };
        BotProcess? restarted = null;
        try
        {
            await Task.WhenAll(bots.Select(b => b.WaitUntilReadyAsync(TimeSpan.FromSeconds(60))));
            await scenario.SeedAndOpenAsync(DateTimeOffset.UtcNow, CancellationToken.None);

            await WaitForDeliveredAsync(scenario, 300);
            await bots[1].KillAsync();
            var atKill = scenario.Count();
            await WaitForDeliveredAsync(scenario, 500);
            restarted = BotProcess.Start(FreePort.Next(), settings);
            await restarted.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            var result = await scenario.WaitForDeliveryAsync(TimeSpan.FromSeconds(120), CancellationToken.None);

            Assert.True(atKill.Delivered < 500, $"the kill came too late to matter: {atKill}");
            Assert.True(result.Lost == 0 && result.Duplicates == 0, $"at the kill: {atKill}; at the end: {result}");
            Assert.True(result.Throttled <= members * 0.005, $"{result.Throttled} sends answered 429 (bound: 0.5 % of {members}): {result}");
        }
        finally
        {
            foreach (var bot in bots.Append(restarted).OfType<BotProcess>())
            {
                await bot.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task TwoTenants_AFanOutOfTenantA_DoesNotDelayTenantBsCardsBeyondBsOwnLimits()
    {
        const int members = 700;
        const int inA = 600;
        await using var connector = await FakeConnector.StartAsync();
        connector.TenantOfConversation = c => Member(c) <= inA ? FanOutScenario.TenantId : TenantB;
        var scenario = new FanOutScenario(azurite.ConnectionString, azurite.NewTablePrefix(), connector, members)
        {
            TenantOf = i => i <= inA ? FanOutScenario.TenantId : TenantB,
        };
        await using var bot = BotProcess.Start(FreePort.Next(), scenario.BotSettings(Fast));
        await bot.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        // Tenant A's 600 cards are queued first, then B's 100.
        await scenario.SeedAndOpenAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        var result = await scenario.WaitForDeliveryAsync(TimeSpan.FromSeconds(90), CancellationToken.None);

        var sends = connector.Deliveries.Where(d => d.Method == "POST" && d.ConversationId.StartsWith("a:fanout-", StringComparison.Ordinal)).ToList();
        var a = sends.Where(d => Member(d.ConversationId) <= inA).Select(d => d.At).Order().ToList();
        var b = sends.Where(d => Member(d.ConversationId) > inA).Select(d => d.At).Order().ToList();
        Assert.True(result.Lost == 0 && result.Duplicates == 0, result.ToString());
        Assert.True(result.Throttled <= members * 0.005, $"{result.Throttled} sends answered 429");
        // B's 100 cards take what B's own limit needs (50 a second: about 2 s), not a place behind A's 600 (12 s).
        Assert.True(b[^1] - b[0] < TimeSpan.FromSeconds(4), $"tenant B's 100 cards took {(b[^1] - b[0]).TotalSeconds:F1} s");
        Assert.True(b[0] - a[0] < TimeSpan.FromSeconds(3), $"tenant B's first card came {(b[0] - a[0]).TotalSeconds:F1} s after A's first");
        Assert.True(a[^1] - b[^1] > TimeSpan.FromSeconds(5), $"A finished {(a[^1] - b[^1]).TotalSeconds:F1} s after B: the tenants did not run side by side");
    }

    private static int Member(string conversationId) => int.Parse(conversationId.AsSpan("a:fanout-".Length), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task WaitForDeliveredAsync(FanOutScenario scenario, int delivered)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (scenario.Count().Delivered < delivered)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {scenario.Count()}");
            await Task.Delay(20);
        }
    }
}
