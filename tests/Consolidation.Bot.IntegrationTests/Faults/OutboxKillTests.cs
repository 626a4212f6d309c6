using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Testing.Scenarios;

namespace Consolidation.Bot.IntegrationTests.Faults;

/// <summary>
/// The bot process is killed (SIGKILL) in the middle of a 200-card fan-out and started again: every card arrives, and
/// a card arrives twice only if it was in the air when the process died (the connector had accepted it, the cursor was
/// not yet marked sent). This process runs without Microsoft Graph (development mode), so it cannot read the chat back
/// before repeating such a send: those copies are counted and must be few and accepted just before the kill; any other
/// duplicate fails the test. With Graph configured the outbox finds the card in the chat and does not send it again
/// (<see cref="Graph.AbandonedSendTests"/>, which recreate exactly the state a kill in that window leaves).
/// </summary>
[Collection(FaultsCollection.Name)]
public class OutboxKillTests(AzuriteFixture azurite)
{
    private const int Members = 200;

    [Fact]
    public async Task KilledMidFanOut_Restarted_EveryCardDeliveredAndNoneTwice()
    {
        await using var connector = await FakeConnector.StartAsync();
        var scenario = new FanOutScenario(azurite.ConnectionString, azurite.NewTablePrefix(), connector, Members);
        var settings = scenario.BotSettings(new Dictionary<string, string?> { ["Outbox:Lease"] = "00:00:05" });
        var first = BotProcess.Start(FreePort.Next(), settings);
        await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        await scenario.SeedAndOpenAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (scenario.Count().Delivered < 60 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await first.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;
        var beforeKill = scenario.Count();
        await first.DisposeAsync();
        Assert.InRange(beforeKill.Delivered, 60, Members - 1);

        await using var second = BotProcess.Start(FreePort.Next(), settings);
        await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        var result = await scenario.WaitForDeliveryAsync(TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(8), CancellationToken.None);

        Assert.True(result.Lost == 0, $"before the kill: {beforeKill}; after the restart: {result}");
        var duplicates = connector.Deliveries.Where(d => d.Method == "POST").GroupBy(d => d.ConversationId).Where(g => g.Count() > 1)
            .Select(g => (Conversation: g.Key, First: g.Min(d => d.At), Copies: g.Count())).ToList();
        Assert.All(duplicates, d => Assert.True(d.Copies == 2 && d.First > killedAt - TimeSpan.FromSeconds(2) && d.First <= killedAt,
            $"{d.Conversation}: {d.Copies} copies, first at {d.First:O}, killed at {killedAt:O}: not a send in the air at the kill"));
        Assert.True(duplicates.Count <= 16, $"{duplicates.Count} duplicates: more than the outbox had in hand");
    }
}
