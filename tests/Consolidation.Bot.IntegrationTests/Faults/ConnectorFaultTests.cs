using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Testing.Scenarios;

namespace Consolidation.Bot.IntegrationTests.Faults;

/// <summary>The connector fails (500s, requests that hang) for 20 s in the middle of a fan-out: every card still arrives, once.</summary>
[Collection(FaultsCollection.Name)]
public class ConnectorFaultTests(AzuriteFixture azurite)
{
    private const int Members = 120;

    [Fact]
    public async Task ConnectorFailsFor20Seconds_SendsRetriedAndCompleteAfterwards_NothingLostNothingDoubled()
    {
        await using var connector = await FakeConnector.StartAsync();
        var scenario = new FanOutScenario(azurite.ConnectionString, azurite.NewTablePrefix(), connector, Members);
        await using var bot = BotProcess.Start(FreePort.Next(), scenario.BotSettings(new Dictionary<string, string?>
        {
            ["Outbox:Lease"] = "00:00:05",
            ["Bot:Connector:AttemptTimeout"] = "00:00:03",
            ["Bot:Connector:BaseRetryDelay"] = "00:00:00.200",
        }));
        await bot.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        // The fault starts before the first card and lasts 20 s: half the requests answer 500, half hang.
        connector.Fault = ConnectorFault.ServerErrorAndHang;
        var faultEnds = DateTimeOffset.UtcNow.AddSeconds(20);
        connector.FailUntil = faultEnds;
        await scenario.SeedAndOpenAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        var result = await scenario.WaitForDeliveryAsync(TimeSpan.FromSeconds(120), CancellationToken.None);

        Assert.True(connector.FailedCount > 0, "the fault was never hit");
        Assert.All(connector.Deliveries, d => Assert.True(d.At >= faultEnds, "nothing is accepted during the fault"));
        Assert.True(result.Lost == 0 && result.Duplicates == 0, result + "\n" + bot.Output);
        Assert.Equal(Members, result.Delivered);
    }
}
