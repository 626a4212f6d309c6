using System.Globalization;
using System.Text;

namespace Consolidation.Bot.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Consolidation.Bot.Benchmarks -- [fanout|answers|store|scale|startup|tab|all] [--runs N] [--members N] [--instances N] [--kill] [--answers N] [--rows N] [--tasks N] [--questions N]</c>:
/// runs each benchmark N times (default 3), prints the median of every figure as Markdown and writes it to
/// artifacts/bench/results.md. Exit code 1 when a median misses its target.
/// </summary>
public static class BenchmarkRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var which = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        var runs = Option(args, "--runs", 3);
        var members = Option(args, "--members", 1000);
        var all = new IBenchmark[]
        {
            new StartupBenchmark(),
            new FanOutBenchmark(members, Option(args, "--instances", 1), args.Contains("--kill")),
            new AnswerLatencyBenchmark(Option(args, "--answers", AnswerLatencyBenchmark.DefaultAnswers), 32, Option(args, "--instances", 1)),
            new StoreRowCostBenchmark(Option(args, "--rows", 4000)),
            new ScaleBenchmark(Option(args, "--tasks", 100_000), Option(args, "--questions", 1000)),
            new TabBenchmark(),
        };
        var selected = which == "all" ? all : all.Where(b => b.Name == which).ToArray();
        if (selected.Length == 0)
        {
            await Console.Error.WriteLineAsync($"unknown benchmark '{which}'; one of: all, {string.Join(", ", all.Select(b => b.Name))}");
            return 64;
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {runs} runs each, medians.");
        report.AppendLine();
        var failed = false;
        foreach (var benchmark in selected)
        {
            var results = new List<BenchResult>();
            for (var run = 1; run <= runs; run++)
            {
                Console.WriteLine($"{benchmark.Name}: run {run}/{runs} ...");
                var result = await benchmark.RunAsync(CancellationToken.None);
                Console.WriteLine("  " + string.Join(", ", result.Metrics.Select(m => $"{m.Name} {Figures.Format(m.Value)}")) + $"; ratio {Figures.Format(result.Ratio)}");
                results.Add(result);
            }

            var section = Summarize(benchmark, results, out var passed);
            failed |= !passed;
            report.Append(section);
            Console.WriteLine(section);
        }

        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(Testing.RepoPaths.Artifacts, "bench")).FullName, "results.md");
        await File.WriteAllTextAsync(path, report.ToString());
        Console.WriteLine("written to " + path);
        return failed ? 1 : 0;
    }

    private static string Summarize(IBenchmark benchmark, List<BenchResult> results, out bool passed)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### {benchmark.Name}: {benchmark.Description}");
        text.AppendLine();
        text.AppendLine("| figure | median | runs |");
        text.AppendLine("|---|---|---|");
        foreach (var name in results[0].Metrics.Select(m => m.Name))
        {
            var values = results.Select(r => r.Metrics.First(m => m.Name == name)).ToList();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} ({values[0].Unit}) | {Figures.Format(Figures.Median(values.Select(v => v.Value)))} | {string.Join(" / ", values.Select(v => Figures.Format(v.Value)))} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"| **ratio: {results[0].RatioName}** | **{Figures.Format(Figures.Median(results.Select(r => r.Ratio)))}** | {string.Join(" / ", results.Select(r => Figures.Format(r.Ratio)))} |");
        text.AppendLine();
        passed = true;
        foreach (var target in results[0].Targets.Select(t => t.Description))
        {
            // A target holds when it holds in the majority of runs (the median run).
            var met = results.Count(r => r.Targets.First(t => t.Description == target).Met) * 2 > results.Count;
            passed &= met;
            text.AppendLine(CultureInfo.InvariantCulture, $"- {(met ? "met" : "MISSED")}: {target}");
        }

        text.AppendLine();
        return text.ToString();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
