using Consolidation.Bot.Storage;

namespace Consolidation.Bot.Tests.Storage;

/// <summary>The one bounded cache: at most its capacity, and the entry used least recently goes first.</summary>
public class BoundedCacheTests
{
    [Fact]
    public void Full_TheEntryUsedLeastRecentlyGoes_AReadCountsAsAUse()
    {
        var cache = new BoundedCache<string, int>(3);
        cache.Set("a", 1);
        cache.Set("b", 2);
        cache.Set("c", 3);
        Assert.True(cache.TryGet("a", out _)); // "b" is now the least recently used

        cache.Set("d", 4);

        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out var a) && a == 1);
        Assert.True(cache.TryGet("c", out _) && cache.TryGet("d", out _));
    }

    [Fact]
    public void Set_ReplacesAndUses_TryAdd_LeavesWhatIsThere()
    {
        var cache = new BoundedCache<string, int>(2, StringComparer.OrdinalIgnoreCase);
        cache.Set("a", 1);
        cache.Set("b", 2);
        cache.Set("A", 10); // "b" is now the least recently used

        Assert.False(cache.TryAdd("b", 20));
        cache.Set("c", 3);

        Assert.True(cache.TryGet("a", out var a) && a == 10);
        Assert.False(cache.TryGet("b", out _));
    }

    [Fact]
    public void GetOrAdd_KeepsAGoodEntry_ReplacesOneNoLongerGood()
    {
        var cache = new BoundedCache<string, (string Epoch, int Value)>(4);
        var created = 0;

        var first = cache.GetOrAdd("r", _ => ("e1", ++created), v => v.Epoch == "e1");
        var again = cache.GetOrAdd("r", _ => ("e1", ++created), v => v.Epoch == "e1");
        var moved = cache.GetOrAdd("r", _ => ("e2", ++created), v => v.Epoch == "e2");

        Assert.Equal((1, 1, 2), (first.Value, again.Value, moved.Value));
        Assert.True(cache.TryGet("r", out var now) && now.Epoch == "e2");
    }

    [Fact]
    public void RemoveExpected_OnlyWhileTheEntryIsStillThatValue()
    {
        var cache = new BoundedCache<string, object>(4);
        var failed = new object();
        var replacement = new object();
        cache.Set("k", failed);
        cache.Set("k", replacement);

        Assert.False(cache.Remove("k", failed));
        Assert.True(cache.TryGet("k", out var kept) && ReferenceEquals(kept, replacement));
        Assert.True(cache.Remove("k", replacement));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void ManyThreads_NeverAboveCapacity_EveryEntryStillReadable()
    {
        var cache = new BoundedCache<int, int>(100);

        Parallel.For(0, 20_000, i =>
        {
            cache.Set(i % 500, i);
            if (cache.TryGet(i % 500, out var value))
            {
                Assert.Equal(i % 500, value % 500);
            }
        });

        Assert.Equal(100, cache.Count);
    }

    [Fact]
    public void CapacityBelowOne_Refused() => Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedCache<string, int>(0));
}
