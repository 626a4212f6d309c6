using Consolidation.Bot.Testing;
using Consolidation.Bot.Testing.Scenarios;

namespace Consolidation.Bot.Benchmarks;

/// <summary>
/// The outbox sends the first pre-WG card to each of <c>members</c> members through a fake connector that enforces the
/// Teams limits with 429 + Retry-After. Baseline: the 50 messages/s per-tenant ceiling. Targets: at least 0.9 of the
/// ceiling sustained, nothing lost, nothing doubled.
/// </summary>
public sealed class FanOutBenchmark(int members) : IBenchmark
{
    public const double TenantCeiling = 50;

    public string Name => "fanout";

    public string Description => $"First questionnaire card to {members} members through a Teams-limited fake connector";

    public async Task<BenchResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        var scenario = new FanOutScenario(azurite.ConnectionString, "bench", connector, members);
        await using var bot = BotProcess.Start(FreePort.Next(), scenario.BotSettings());
        await bot.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        await scenario.SeedAndOpenAsync(DateTimeOffset.UtcNow, cancellationToken);
        var result = await scenario.WaitForDeliveryAsync(TimeSpan.FromSeconds(members / 10.0 + 60), TimeSpan.FromSeconds(5), cancellationToken);
        var ratio = result.MessagesPerSecond / TenantCeiling;
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
            [
                new TargetCheck("≥ 0.9 of the 50/s ceiling", ratio >= 0.9),
                new TargetCheck("0 lost", result.Lost == 0),
                new TargetCheck("0 duplicates", result.Duplicates == 0),
            ]);
    }
}
