namespace Consolidation.Bot.Protocol.Connector;

/// <summary>
/// The grant times of one rate-limit key, newest last, in a fixed ring of the largest permit limit
/// (older entries can never decide a window). Not thread-safe: <see cref="ConnectorRateLimiter"/> locks.
/// </summary>
internal sealed class SlidingWindowLog
{
    private readonly long[] _ring;
    private int _start;
    private int _count;

    public SlidingWindowLog(int capacity) => _ring = new long[capacity];

    /// <summary>Time of the newest grant, or <see langword="null"/> when empty.</summary>
    public long? Newest => _count == 0 ? null : _ring[(_start + _count - 1) % _ring.Length];

    /// <summary>
    /// How long until one more grant fits every limit. A grant at <paramref name="now"/> is allowed when
    /// fewer than N grants lie in (now - window - margin, now], i.e. the N-th newest is at most now - window - margin.
    /// </summary>
    public TimeSpan RequiredDelay(TimeSpan now, IReadOnlyList<SlidingWindowLimit> limits, TimeSpan margin)
    {
        var delay = TimeSpan.Zero;
        foreach (var limit in limits)
        {
            if (_count < limit.PermitLimit)
            {
                continue;
            }

            var nthNewest = TimeSpan.FromTicks(_ring[(_start + _count - limit.PermitLimit) % _ring.Length]);
            var wait = nthNewest + limit.Window + margin - now;
            if (wait > delay)
            {
                delay = wait;
            }
        }

        return delay;
    }

    public void Add(TimeSpan now)
    {
        if (_count == _ring.Length)
        {
            _ring[_start] = now.Ticks;
            _start = (_start + 1) % _ring.Length;
        }
        else
        {
            _ring[(_start + _count) % _ring.Length] = now.Ticks;
            _count++;
        }
    }

    /// <summary>True when no grant lies within <paramref name="longestWindow"/> of <paramref name="now"/>.</summary>
    public bool IsIdle(TimeSpan now, TimeSpan longestWindow) =>
        Newest is not { } newest || TimeSpan.FromTicks(newest) <= now - longestWindow;
}
