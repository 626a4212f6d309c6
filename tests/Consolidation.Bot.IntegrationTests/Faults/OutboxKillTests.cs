using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Testing.Scenarios;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Faults;

/// <summary>
/// The bot process is killed (SIGKILL) in the middle of a 200-card fan-out and started again: every card arrives exactly
/// once. The process runs as deployed: Microsoft Graph configured, signed in with the host's managed identity (the
/// loopback <see cref="FakeGraph"/> serves the identity endpoint and Graph; the real SDK and credential talk to it), so
/// before repeating a send the dead process had claimed, the outbox reads the member's chat and finds the card when
/// Teams had accepted it. The connector answers each send 300 ms after accepting it, so the kill leaves cards accepted
/// and never recorded: the case that would otherwise arrive twice.
/// </summary>
[Collection(FaultsCollection.Name)]
public class OutboxKillTests(AzuriteFixture azurite)
{
    private const int Members = 200;

    [Fact]
    public async Task KilledMidFanOut_Restarted_EveryCardDeliveredExactlyOnce()
    {
        await using var connector = await FakeConnector.StartAsync();
        connector.ResponseDelay = TimeSpan.FromMilliseconds(300);
        var scenario = new FanOutScenario(azurite.ConnectionString, azurite.NewTablePrefix(), connector, Members);
        await using var graph = await FakeGraph.StartAsync(scenario.ChatOf);
        var settings = scenario.BotSettings(new Dictionary<string, string?>(graph.BotSettings("fake-teams-app")) 
        {
            ["Outbox:Lease"] = "00:00:05",
            ["Logging:LogLevel:Consolidation.Bot.Features.Questionnaire"] = "Information",
        });
        var first = BotProcess.Start(FreePort.Next(), settings);
        await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        await scenario.SeedAndOpenAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (scenario.Count().Delivered < 60 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await first.KillAsync();
        var beforeKill = scenario.Count();
        await first.DisposeAsync();
        Assert.InRange(beforeKill.Delivered, 60, Members - 1);

        // What the kill left: claims never recorded as sent, and among them the cards Teams had accepted.
        var abandoned = await AbandonedClaimsAsync(scenario);
        var accepted = abandoned.Where(i => scenario.ChatOf(FanOutScenario.AadOf(i)).Count > 0).ToList();
        Assert.True(accepted.Count > 0, $"the kill left no accepted, unrecorded card ({abandoned.Count} claims): nothing to prove");

        await using var second = BotProcess.Start(FreePort.Next(), settings);
        await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        var result = await scenario.WaitForDeliveryAsync(TimeSpan.FromSeconds(90), CancellationToken.None);

        Assert.True(result.Lost == 0 && result.Duplicates == 0, $"before the kill: {beforeKill}; after the restart: {result}; abandoned claims {abandoned.Count}, accepted {accepted.Count}");
        Assert.All(accepted, i => Assert.Contains(FanOutScenario.AadOf(i), graph.ChatReads));
        Assert.Contains("NextCardSender[3406]", second.Output, StringComparison.Ordinal); // "found in the chat, recorded as sent"
        Assert.True(graph.TokensIssued > 0, "the bot never asked the managed-identity endpoint for a token");
        Assert.Equal(0, graph.UnauthorizedRequests);
    }

    private static async Task<IReadOnlyList<int>> AbandonedClaimsAsync(FanOutScenario scenario)
    {
        await using var services = BotServices.Create(scenario.ConnectionString, scenario.TablePrefix);
        var cursors = services.GetRequiredService<MemberCursorStore>();
        var abandoned = new List<int>();
        for (var i = 1; i <= Members; i++)
        {
            if (await cursors.GetAsync(FanOutScenario.ReviewId, FanOutScenario.EmailOf(i), CancellationToken.None) is { Status: MemberCursorEntity.Sending })
            {
                abandoned.Add(i);
            }
        }

        return abandoned;
    }
}
