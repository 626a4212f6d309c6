using System.Diagnostics;
using Consolidation.Bot.Testing;

namespace Consolidation.Bot.Benchmarks;

/// <summary>
/// Time from process start to <c>/readyz</c> 200 (storage reachable). Baseline in the same run: the same executable
/// started for its CLI usage text (<c>help</c>), i.e. the runtime's own start cost. Target: under 3 s.
/// </summary>
public sealed class StartupBenchmark : IBenchmark
{
    public string Name => "startup";

    public string Description => "Process start to /readyz 200, against the runtime start of the same executable";

    public async Task<BenchResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        var baseline = await RuntimeStartAsync(cancellationToken);

        await using var bot = BotProcess.Start(FreePort.Next(), new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = "startup",
        });
        var ready = await bot.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        return new BenchResult(
            [
                new Metric("start to /readyz", ready.TotalMilliseconds, "ms"),
                new Metric("runtime start (help)", baseline.TotalMilliseconds, "ms"),
            ],
            "start-up ÷ runtime start",
            ready / baseline,
            [new TargetCheck("start-up under 3 s", ready < TimeSpan.FromSeconds(3))]);
    }

    private static async Task<TimeSpan> RuntimeStartAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(BotProcess.BotAssembly);
        info.ArgumentList.Add("help");
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return stopwatch.Elapsed;
    }
}
