using System.Diagnostics;
using Azure.Data.Tables;
using Consolidation.Bot.Cli;
using Consolidation.Bot.Testing;

namespace Consolidation.Bot.Benchmarks;

/// <summary>
/// The secretariat's tab on the seed-funnel demo (812 tasks, every stage answered): the bot as its own process in
/// development mode (signed in as the Playground's current user, the demo's secretariat), the page and its dashboard
/// loaded 20 times after a first visit. Baseline in the same run: reading the review's state rows straight from Azurite
/// with the SDK. Target: every load under 1 s.
/// </summary>
public sealed class TabBenchmark : IBenchmark
{
    private const string Prefix = "tab";
    private const int Loads = 20;

    public string Name => "tab";

    public string Description => "The dashboard tab (page + dashboard view) on the 812-task seed-funnel demo, against reading its states from Azurite";

    public async Task<BenchResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = Prefix,
        };
        using (var output = new StringWriter())
        {
            if (await CliApplication.RunAsync(["demo", "--play-seed-funnel"], settings, output, output) != 0)
            {
                throw new InvalidOperationException("the demo did not load: " + output);
            }
        }

        var baseline = await RawStateReadAsync(azurite.ConnectionString, cancellationToken);
        await using var bot = BotProcess.Start(FreePort.Next(), new Dictionary<string, string?>(settings)
        {
            ["Review:Locale"] = "ja-JP",
            ["Schedules:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Consolidation.Bot.Hosting.StartupCacheWarmer"] = "Information",
        });
        await bot.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        await WaitForWarmUpAsync(bot, cancellationToken);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var (first, times) = await TabPageLoad.MeasureAsync(http, bot.BaseUrl, Loads, cancellationToken);
        var p50 = Figures.Median(times);
        var worst = times[^1];
        return new BenchResult(
            [
                new Metric("first visit (assets, page, dashboard)", first.TotalMilliseconds, "ms"),
                new Metric($"page + dashboard, median of {Loads}", p50, "ms"),
                new Metric($"page + dashboard, slowest of {Loads}", worst, "ms"),
                new Metric("raw read of the state rows", baseline.TotalMilliseconds, "ms"),
            ],
            "median load ÷ raw state read",
            p50 / baseline.TotalMilliseconds,
            [
                new TargetCheck("every load under 1 s (the first visit too)", worst < 1000 && first < TimeSpan.FromSeconds(1)),
            ]);
    }

    /// <summary>Waits for the bot's start-up read of the review (the log line the warmer writes).</summary>
    internal static async Task WaitForWarmUpAsync(BotProcess bot, CancellationToken cancellationToken)
    {
        var warming = Stopwatch.StartNew();
        while (!System.Text.RegularExpressions.Regex.IsMatch(bot.Output, @"Review \S+ read into memory at start-up"))
        {
            if (warming.Elapsed > TimeSpan.FromMinutes(5) || bot.HasExited)
            {
                throw new TimeoutException("the bot did not read the review at start-up:\n" + bot.Output);
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private static async Task<TimeSpan> RawStateReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        var table = new TableClient(connectionString, Prefix + "ReviewData");
        var watch = Stopwatch.StartNew();
        await foreach (var _ in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"RowKey ge {"state|"} and RowKey lt {"state}"}"), maxPerPage: 1000, cancellationToken: cancellationToken))
        {
        }

        return watch.Elapsed;
    }
}
