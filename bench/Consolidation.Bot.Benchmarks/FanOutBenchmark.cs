using Consolidation.Bot.Testing;
using Consolidation.Bot.Testing.Scenarios;

namespace Consolidation.Bot.Benchmarks;

/// <summary>
/// The outbox sends the first pre-WG card to each of <c>members</c> members through a fake connector that enforces the
/// Teams limits with 429 + Retry-After, from <c>instances</c> bot processes sharing one store (and so one tenant budget).
/// With <c>kill</c>, the second process is killed (SIGKILL) when 30 % of the cards are delivered and not restarted.
/// Baseline: the 50 messages/s per-tenant ceiling. Targets: at least 0.95 of the ceiling with one instance, 0.9 with
/// several (not claimed during a kill, whose lost lease time is the point), 429s at most 0.5 % of the sends, nothing
/// lost, nothing doubled.
/// </summary>
public sealed class FanOutBenchmark(int members, int instances, bool kill) : IBenchmark
{
    public const double TenantCeiling = 50;

    public string Name => "fanout";

    public string Description => $"First questionnaire card to {members} members through a Teams-limited fake connector, {instances} instance(s){(kill ? ", one killed mid fan-out" : "")}";

    public async Task<BenchResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        var scenario = new FanOutScenario(azurite.ConnectionString, "bench", connector, members);
        // The killed process's claimed cards are checked in the member's chat (as deployed), so none arrives twice.
        await using var graph = await FakeGraph.StartAsync(scenario.ChatOf);
        var settings = scenario.BotSettings(new Dictionary<string, string?>(graph.BotSettings("fake-teams-app"))
        {
            ["Outbox:Lease"] = "00:00:05",
            ["Outbox:QueueScanInterval"] = "00:00:01",
        });
        var bots = Enumerable.Range(0, instances).Select(_ => BotProcess.Start(FreePort.Next(), settings)).ToList();
        try
        {
            await Task.WhenAll(bots.Select(b => b.WaitUntilReadyAsync(TimeSpan.FromSeconds(60))));
            await scenario.SeedAndOpenAsync(DateTimeOffset.UtcNow, cancellationToken);
            if (kill && bots.Count > 1)
            {
                while (scenario.Count().Delivered < members * 0.3)
                {
                    await Task.Delay(20, cancellationToken);
                }

                await bots[1].KillAsync();
            }

            var result = await scenario.WaitForDeliveryAsync(TimeSpan.FromSeconds(members / 10.0 + 60), cancellationToken);
            var ratio = result.MessagesPerSecond / TenantCeiling;
            var target = instances == 1 ? 0.95 : 0.9;
            var throttledShare = result.Delivered == 0 ? 1 : (double)result.Throttled / (result.Delivered + result.Duplicates);
            var targets = new List<TargetCheck>
            {
                new("0 lost", result.Lost == 0),
                new("0 duplicates", result.Duplicates == 0),
                new("429s ≤ 0.5 % of sends", throttledShare <= 0.005),
            };
            if (!kill)
            {
                targets.Insert(0, new TargetCheck($"≥ {target} of the 50/s ceiling", ratio >= target));
            }

            return new BenchResult(
                [
                    new Metric("messages/s", result.MessagesPerSecond, "msg/s"),
                    new Metric("delivered", result.Delivered, "members"),
                    new Metric("lost", result.Lost, "cards"),
                    new Metric("duplicates", result.Duplicates, "cards"),
                    new Metric("429 answers", result.Throttled, "responses"),
                ],
                "messages/s ÷ 50/s ceiling",
                ratio,
                targets);
        }
        finally
        {
            foreach (var bot in bots)
            {
                await bot.DisposeAsync();
            }
        }
    }
}
