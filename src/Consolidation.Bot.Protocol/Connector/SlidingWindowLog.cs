namespace Consolidation.Bot.Protocol.Connector;

/// <summary>
/// The operations of one rate-limit key: how many are in flight, and the completion times of finished ones,
/// newest last, in a fixed ring of the largest permit limit (older entries can never decide a window).
/// An operation counts from its grant until it completes and then stays at its completion time, so
/// whatever the latency, the server received it no later than the time recorded here.
/// Not thread-safe: <see cref="ConnectorRateLimiter"/> locks.
/// </summary>
internal sealed class SlidingWindowLog
{
    /// <summary>How often to look again when a window is full of operations still in flight.</summary>
    public static readonly TimeSpan InFlightPollInterval = TimeSpan.FromMilliseconds(25);

    private readonly long[] _ring;
    private int _start;
    private int _count;
    private int _inFlight;

    public SlidingWindowLog(int capacity) => _ring = new long[capacity];

    /// <summary>Time of the newest grant, or <see langword="null"/> when empty.</summary>
    public long? Newest => _count == 0 ? null : _ring[(_start + _count - 1) % _ring.Length];

    public int InFlight => _inFlight;

    /// <summary>
    /// How long until one more grant fits every limit. A grant at <paramref name="now"/> is allowed when fewer than
    /// N operations lie in (now - window - margin, now], in-flight ones counting as "now"; i.e. the N-th newest
    /// completed at most at now - window - margin. If the N newest are all in flight, poll again shortly.
    /// </summary>
    public TimeSpan RequiredDelay(TimeSpan now, IReadOnlyList<SlidingWindowLimit> limits, TimeSpan margin)
    {
        var delay = TimeSpan.Zero;
        foreach (var limit in limits)
        {
            if (_count + _inFlight < limit.PermitLimit)
            {
                continue;
            }

            var completedAmongNewest = limit.PermitLimit - _inFlight;
            var wait = completedAmongNewest <= 0
                ? InFlightPollInterval
                : TimeSpan.FromTicks(_ring[(_start + _count - completedAmongNewest) % _ring.Length]) + limit.Window + margin - now;
            if (wait > delay)
            {
                delay = wait;
            }
        }

        return delay;
    }

    public void Begin() => _inFlight++;

    public void Complete(TimeSpan now)
    {
        _inFlight--;
        Add(now);
    }

    private void Add(TimeSpan now)
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

    /// <summary>True when nothing is in flight and nothing completed within <paramref name="longestWindow"/> of <paramref name="now"/>.</summary>
    public bool IsIdle(TimeSpan now, TimeSpan longestWindow) =>
        _inFlight == 0 && (Newest is not { } newest || TimeSpan.FromTicks(newest) <= now - longestWindow);
}
