using System.Globalization;

namespace Consolidation.Bot.Benchmarks;

/// <summary>One measured figure of a run.</summary>
public sealed record Metric(string Name, double Value, string Unit);

/// <summary>
/// One run of a benchmark: its figures, the baseline measured in the same run, and the ratio the target is set on.
/// </summary>
public sealed record BenchResult(IReadOnlyList<Metric> Metrics, string RatioName, double Ratio, IReadOnlyList<TargetCheck> Targets)
{
    public bool Passed => Targets.All(t => t.Met);
}

/// <summary>A target of the issue, checked against a run's figures.</summary>
public sealed record TargetCheck(string Description, bool Met);

public static class Figures
{
    public static string Format(double value) => value switch
    {
        >= 100 => value.ToString("F0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("F1", CultureInfo.InvariantCulture),
        _ => value.ToString("F2", CultureInfo.InvariantCulture),
    };

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static double Percentile(IReadOnlyList<double> sortedValues, double percentile)
    {
        if (sortedValues.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sortedValues.Count) - 1;
        return sortedValues[Math.Clamp(rank, 0, sortedValues.Count - 1)];
    }
}
