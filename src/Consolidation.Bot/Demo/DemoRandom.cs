namespace Consolidation.Bot.Demo;

/// <summary>
/// A small deterministic pseudo-random source (SplitMix64) for the demo data. Unlike <see cref="Random"/>,
/// its sequence is fixed by this code, so a seed gives the same review on every runtime. Not for security.
/// Each instance is local to one call; never share it.
/// </summary>
internal sealed class DemoRandom(int seed)
{
    private ulong _state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL) ^ 0xD1B54A32D192ED03UL;

    /// <summary>A new source whose sequence depends on this seed and a label (independent streams per purpose).</summary>
    public static DemoRandom For(int seed, string purpose)
    {
        var hash = 17;
        foreach (var c in purpose)
        {
            hash = unchecked((hash * 31) + c);
        }

        return new DemoRandom(unchecked(seed ^ (hash * 0x2F0F3A6B)));
    }

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A value in [0, maxExclusive).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(NextUInt64() % (ulong)maxExclusive);
    }

    /// <summary>True with the given probability.</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A shuffled copy (Fisher–Yates).</summary>
    public List<T> Shuffle<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }
}
