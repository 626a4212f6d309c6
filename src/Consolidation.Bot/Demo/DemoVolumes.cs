namespace Consolidation.Bot.Demo;

/// <summary>Annual cases and staff hours for a demo task: around the catalogue's typical volume, missing on a few tasks.</summary>
internal static class DemoVolumes
{
    private static readonly string[] SlowWork = ["相談", "訪問", "調査", "審査", "判定", "対応", "支援", "調整", "指導"];

    public static (int? Cases, decimal? Hours) Draw(CatalogEntry entry, DemoRandom random)
    {
        // Draw every number even when unused, so one task's gaps do not shift the next task's values.
        var hasCases = random.Chance(0.9);
        var hasHours = random.Chance(0.93);
        var factor = Math.Exp(Math.Log(0.08) + (random.NextDouble() * (Math.Log(1.6) - Math.Log(0.08))));
        var slow = SlowWork.Any(w => entry.Name.Contains(w, StringComparison.Ordinal));
        var minutes = slow ? 30 + random.Next(91) : 4 + random.Next(27);
        if (!hasCases)
        {
            return (null, null);
        }

        var cases = Math.Max(5, TwoSignificantDigits(entry.TypicalCases * factor));
        decimal? hours = hasHours ? Math.Round((decimal)cases * minutes / 60m, 1) : null;
        return (cases, hours);
    }

    private static int TwoSignificantDigits(double value)
    {
        if (value < 100)
        {
            return (int)Math.Round(value);
        }

        var scale = Math.Pow(10, Math.Floor(Math.Log10(value)) - 1);
        return (int)(Math.Round(value / scale) * scale);
    }
}
