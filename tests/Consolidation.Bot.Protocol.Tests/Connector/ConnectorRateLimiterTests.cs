using Consolidation.Bot.Protocol.Connector;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Consolidation.Bot.Protocol.Tests.Connector;

public sealed class ConnectorRateLimiterTests
{
    private const string Tenant = "tenant-1";

    [Theory]
    [InlineData(0)]
    [InlineData(200)]
    public void TryAcquire_100OnOneConversation_NeverExceedsConversationWindows(int marginMs)
    {
        var time = new FakeTimeProvider();
        var limiter = CreateLimiter(time, TimeSpan.FromMilliseconds(marginMs));

        var grants = AcquireAll(time, Enumerable.Repeat((limiter, "a:1"), 100));

        Assert.Equal(100, grants.Count);
        Assert.True(MaxInAnyWindow(grants, TimeSpan.FromSeconds(1)) <= 7);
        Assert.True(MaxInAnyWindow(grants, TimeSpan.FromSeconds(2)) <= 8);
        Assert.True(MaxInAnyWindow(grants, TimeSpan.FromSeconds(30)) <= 60);
        // Not needlessly slow: each limit is reached exactly within its window plus margin.
        Assert.Equal(7, MaxInAnyWindow(grants, TimeSpan.FromSeconds(1)));
        Assert.Equal(60, MaxInAnyWindow(grants, TimeSpan.FromSeconds(30) + TimeSpan.FromMilliseconds(marginMs)));
        Assert.True(grants[^1] - grants[0] < TimeSpan.FromSeconds(45), $"took {grants[^1] - grants[0]}");
    }

    [Fact]
    public void TryAcquire_200Over10ConversationsInOneTenant_NeverExceedsTenantLimit()
    {
        var time = new FakeTimeProvider();
        var limiter = CreateLimiter(time, TimeSpan.FromMilliseconds(100));
        var requests = Enumerable.Range(0, 200).Select(i => (limiter, $"19:c{i % 10}@thread.tacv2")).ToList();

        var grants = AcquireAll(time, requests);

        Assert.Equal(200, grants.Count);
        Assert.True(MaxInAnyWindow(grants, TimeSpan.FromSeconds(1)) <= 50, $"max {MaxInAnyWindow(grants, TimeSpan.FromSeconds(1))}");
        Assert.Equal(50, MaxInAnyWindow(grants, TimeSpan.FromSeconds(1) + TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public void TryAcquire_OtherConversationOrTenant_NotBlockedByFullConversation()
    {
        var time = new FakeTimeProvider();
        var limiter = CreateLimiter(time, TimeSpan.Zero);
        for (var i = 0; i < 7; i++)
        {
            Assert.True(limiter.TryAcquire(Tenant, "a:1", out var lease, out _));
            lease.Dispose();
        }

        Assert.False(limiter.TryAcquire(Tenant, "a:1", out _, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
        Assert.True(limiter.TryAcquire(Tenant, "a:2", out _, out _));
        Assert.True(limiter.TryAcquire("tenant-2", "a:1", out _, out _));
    }

    [Fact]
    public async Task AcquireAsync_EighthInOneSecond_WaitsOnInjectedClockUntilWindowAndMarginPass()
    {
        var time = new FakeTimeProvider();
        var margin = TimeSpan.FromMilliseconds(200);
        var limiter = CreateLimiter(time, margin);
        for (var i = 0; i < 7; i++)
        {
            (await limiter.AcquireAsync(Tenant, "a:1", CancellationToken.None)).Dispose();
        }

        var eighth = limiter.AcquireAsync(Tenant, "a:1", CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(1) + margin - TimeSpan.FromMilliseconds(1));
        await Task.Delay(50);
        Assert.False(eighth.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await eighth.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_ThrowsAndRecordsNothing()
    {
        var time = new FakeTimeProvider();
        var limiter = CreateLimiter(time, TimeSpan.Zero);
        for (var i = 0; i < 7; i++)
        {
            Assert.True(limiter.TryAcquire(Tenant, "a:1", out var lease, out _));
            lease.Dispose();
        }

        using var cts = new CancellationTokenSource();
        var waiting = limiter.AcquireAsync(Tenant, "a:1", cts.Token).AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryAcquire(Tenant, "a:1", out _, out _));
    }

    [Fact]
    public void TryAcquire_KeysIdleLongerThanLongestWindow_ArePruned()
    {
        var time = new FakeTimeProvider();
        var limiter = CreateLimiter(time, TimeSpan.FromMilliseconds(200));
        IDisposable? inFlight = null;
        for (var i = 0; i < 40; i++)
        {
            Assert.True(limiter.TryAcquire($"tenant-{i}", $"a:{i}", out var lease, out _));
            if (i == 0)
            {
                inFlight = lease; // Still awaiting its response: must survive pruning.
            }
            else
            {
                lease.Dispose();
            }
        }

        Assert.Equal(80, limiter.TrackedKeyCount);
        time.Advance(TimeSpan.FromSeconds(31));

        Assert.True(limiter.TryAcquire("tenant-new", "a:new", out _, out _));
        Assert.Equal(4, limiter.TrackedKeyCount);
        inFlight!.Dispose();
    }

    [Fact]
    public void TryAcquire_OperationsStillInFlight_CountUntilCompletedAndFromCompletionTime()
    {
        var time = new FakeTimeProvider();
        var limiter = CreateLimiter(time, TimeSpan.FromMilliseconds(100));
        var leases = new List<IDisposable>();
        for (var i = 0; i < 7; i++)
        {
            Assert.True(limiter.TryAcquire(Tenant, "a:1", out var lease, out _));
            leases.Add(lease);
        }

        time.Advance(TimeSpan.FromSeconds(5)); // Slow responses: the 7 are still in flight.
        Assert.False(limiter.TryAcquire(Tenant, "a:1", out _, out var poll));
        Assert.True(poll > TimeSpan.Zero);

        leases.ForEach(l => l.Dispose()); // Completed at t = 5 s: the window runs from there.
        time.Advance(TimeSpan.FromMilliseconds(1099));
        Assert.False(limiter.TryAcquire(Tenant, "a:1", out _, out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(1), retryAfter);
        time.Advance(retryAfter);
        Assert.True(limiter.TryAcquire(Tenant, "a:1", out _, out _));
    }

    internal static ConnectorRateLimiter CreateLimiter(TimeProvider time, TimeSpan margin) =>
        new(Options.Create(new ConnectorOptions { RateLimitSafetyMargin = margin }), time, NullLogger<ConnectorRateLimiter>.Instance);

    /// <summary>Grants the requests in order, advancing the fake clock by exactly the wait the limiter asks for.</summary>
    private static List<TimeSpan> AcquireAll(FakeTimeProvider time, IEnumerable<(ConnectorRateLimiter Limiter, string Conversation)> requests)
    {
        var start = time.GetTimestamp();
        var grants = new List<TimeSpan>();
        foreach (var (limiter, conversation) in requests)
        {
            IDisposable? lease;
            while (!limiter.TryAcquire(Tenant, conversation, out lease, out var wait))
            {
                Assert.True(wait > TimeSpan.Zero);
                time.Advance(wait);
            }

            grants.Add(time.GetElapsedTime(start));
            lease.Dispose(); // An instant response: completion time == grant time.
        }

        return grants;
    }

    /// <summary>The most grants inside any half-open window [t, t + window) (a window starting at a grant is the worst case).</summary>
    internal static int MaxInAnyWindow(IReadOnlyList<TimeSpan> sortedTimes, TimeSpan window)
    {
        var max = 0;
        var end = 0;
        for (var start = 0; start < sortedTimes.Count; start++)
        {
            while (end < sortedTimes.Count && sortedTimes[end] < sortedTimes[start] + window)
            {
                end++;
            }

            max = Math.Max(max, end - start);
        }

        return max;
    }
}
