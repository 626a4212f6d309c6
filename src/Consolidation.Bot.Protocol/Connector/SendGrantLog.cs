using System.Buffers.Binary;

namespace Consolidation.Bot.Protocol.Connector;

/// <summary>
/// The sends of one tenant as every instance sees them, for the last longest window: each a conversation's hash, the
/// instance that holds it, and when it reaches Teams. A granted send may start up to the tolerance after its grant and
/// reach Teams later still (the network, a busy server), so until it is settled it may arrive anywhere in
/// [grant, grant + slack]; once its response is in, the instance settles it at that time, which it cannot have reached
/// Teams after. A new grant goes to the earliest time at which no window of a limit (the tenant's, its conversation's)
/// can hold more than the limit's sends, whatever their arrival within those bounds: the (N + 1)-th send that could fall
/// into a window is pushed past it. Conversations are 32-bit hashes; two that collide only share a stricter limit.
/// Not thread-safe; a value the storage layer reads, changes and saves.
/// </summary>
public sealed class SendGrantLog
{
    /// <summary>How long after its grant an unsettled send is still taken to be in flight (beyond it, its holder is taken for dead).</summary>
    public static readonly TimeSpan InFlightLimit = TimeSpan.FromSeconds(2);

    private const byte FormatVersion = 2;
    private const int EntrySize = 17;
    private readonly List<Entry> _entries;

    public SendGrantLog()
        : this([])
    {
    }

    private SendGrantLog(List<Entry> entries) => _entries = entries;

    /// <summary>One send: its conversation's hash, its holder, the UTC ticks of its grant or (settled) of its response.</summary>
    public readonly record struct Entry(uint Conversation, uint Owner, long Ticks, bool Settled);

    public int Count => _entries.Count;

    public IReadOnlyList<Entry> Entries => _entries;

    /// <summary>FNV-1a over the key's UTF-16 code units: the same number in every process.</summary>
    public static uint ConversationHash(string conversationKey)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        var hash = 2166136261u;
        foreach (var c in conversationKey)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    public SendGrantLog Clone() => new([.. _entries]);

    /// <summary>Drops sends too old to fall into any window ending now.</summary>
    public void Prune(DateTimeOffset now, ConnectorOptions limits, TimeSpan slack)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var longest = limits.ConversationLimits.Concat(limits.TenantLimits).Max(l => l.Window) + slack;
        var oldest = (now - longest).UtcTicks;
        _entries.RemoveAll(e => e.Ticks < oldest);
    }

    /// <summary>
    /// Settles the holder's send granted at <paramref name="grant"/> at <paramref name="completedAt"/>, when its response
    /// came; false when it is no longer in the log (pruned, or written over by a lost race, which is safe: unsettled, it
    /// keeps its wider bounds).
    /// </summary>
    public bool Settle(uint owner, uint conversation, DateTimeOffset grant, DateTimeOffset completedAt)
    {
        var at = IndexOfGrant(owner, conversation, grant);
        if (at < 0)
        {
            return false;
        }

        _entries.RemoveAt(at);
        Insert(new Entry(conversation, owner, Math.Max(completedAt.UtcTicks, grant.UtcTicks), Settled: true));
        return true;
    }

    /// <summary>Removes the holder's unused grant (missed: the send did not start in time); false when it is no longer in the log.</summary>
    public bool Release(uint owner, uint conversation, DateTimeOffset grant)
    {
        var at = IndexOfGrant(owner, conversation, grant);
        if (at >= 0)
        {
            _entries.RemoveAt(at);
        }

        return at >= 0;
    }

    /// <summary>Adds a grant for <paramref name="conversation"/> at the earliest time, not before <paramref name="notBefore"/>, that fits every limit.</summary>
    /// <remarks>
    /// A send whose grant has passed and that is not settled yet may be in flight (a stalled thread, a busy connection, a
    /// server behind): the holder's own count in every window until they are settled, as the single-instance limiter
    /// counts each send until its response; another holder's count as arriving up to the slack after now, not only after
    /// their grant, until their holder writes them settled. A holder that died never does, so both stop
    /// <see cref="InFlightLimit"/> after the grant.
    /// </remarks>
    public DateTimeOffset Grant(uint conversation, uint owner, DateTimeOffset notBefore, ConnectorOptions limits, TimeSpan slack, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var nowTicks = now.UtcTicks;
        (long Lo, long Hi) Bounds(Entry e) => e.Settled ? (e.Ticks, e.Ticks)
            : e.Owner == owner && e.Ticks <= nowTicks ? (e.Ticks, e.Ticks + InFlightLimit.Ticks)
            : (e.Ticks, Math.Max(e.Ticks + slack.Ticks, Math.Min(nowTicks + slack.Ticks, e.Ticks + InFlightLimit.Ticks)));

        // Only sends that can still fall into a window ending at or after the lower bound count (a second's worth for the
        // tenant, not the 30 s kept for the conversations' longest window): the grant is computed on every claim.
        var start = notBefore.UtcTicks;
        var tenantFrom = start - limits.TenantLimits.Max(l => l.Window).Ticks;
        var all = _entries.Select(Bounds).Where(b => b.Hi > tenantFrom).ToList();
        var own = _entries.Where(e => e.Conversation == conversation).Select(Bounds).ToList();
        var scopes = limits.TenantLimits.Select(l => new Scope(all, l))
            .Concat(limits.ConversationLimits.Select(l => new Scope(own, l))).ToList();

        // The earliest fitting time is the lower bound, the moment a send can no longer fall into a window ending there,
        // or just after a send whose window the new one then no longer falls into.
        var candidates = new SortedSet<long> { start };
        foreach (var scope in scopes)
        {
            scope.AddCandidates(candidates, start);
        }

        var chosen = candidates.First(c => scopes.All(s => s.Fits(c, c + slack.Ticks)));
        Insert(new Entry(conversation, owner, chosen, Settled: false));
        return new DateTimeOffset(chosen, TimeSpan.Zero);
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[1 + 4 + (_entries.Count * EntrySize)];
        bytes[0] = FormatVersion;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(1), _entries.Count);
        for (var i = 0; i < _entries.Count; i++)
        {
            var at = bytes.AsSpan(5 + (i * EntrySize));
            BinaryPrimitives.WriteUInt32LittleEndian(at, _entries[i].Conversation);
            BinaryPrimitives.WriteUInt32LittleEndian(at[4..], _entries[i].Owner);
            BinaryPrimitives.WriteInt64LittleEndian(at[8..], _entries[i].Ticks);
            at[16] = _entries[i].Settled ? (byte)1 : (byte)0;
        }

        return bytes;
    }

    /// <summary>The log saved by <see cref="ToBytes"/>; an empty log for nothing, a format this version cannot read, or a torn value.</summary>
    public static SendGrantLog FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 5 || bytes[0] != FormatVersion)
        {
            return new SendGrantLog();
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[1..]);
        if (count < 0 || bytes.Length != 5 + ((long)count * EntrySize))
        {
            return new SendGrantLog();
        }

        var entries = new List<Entry>(count);
        for (var i = 0; i < count; i++)
        {
            var at = bytes[(5 + (i * EntrySize))..];
            entries.Add(new Entry(BinaryPrimitives.ReadUInt32LittleEndian(at), BinaryPrimitives.ReadUInt32LittleEndian(at[4..]),
                BinaryPrimitives.ReadInt64LittleEndian(at[8..]), at[16] != 0));
        }

        entries.Sort((a, b) => a.Ticks.CompareTo(b.Ticks));
        return new SendGrantLog(entries);
    }

    /// <summary>Where the holder's unsettled grant for the conversation at that time is; -1 when it is gone.</summary>
    private int IndexOfGrant(uint owner, uint conversation, DateTimeOffset grant) =>
        _entries.FindIndex(e => e.Owner == owner && e.Conversation == conversation && !e.Settled && e.Ticks == grant.UtcTicks);

    private void Insert(Entry entry) => _entries.Insert(_entries.FindLastIndex(e => e.Ticks <= entry.Ticks) + 1, entry);

    /// <summary>
    /// One limit over a set of sends, each arriving somewhere in [lo, hi]: the window (end - w, end] can hold every send
    /// with lo &lt;= end and hi &gt; end - w, counted with two sorted arrays and binary searches.
    /// </summary>
    private sealed class Scope
    {
        private readonly long[] _lo;
        private readonly long[] _hi;
        private readonly int _permit;
        private readonly long _window;

        public Scope(List<(long Lo, long Hi)> sends, SlidingWindowLimit limit)
        {
            _lo = [.. sends.Select(s => s.Lo).Order()];
            _hi = [.. sends.Select(s => s.Hi).Order()];
            _permit = limit.PermitLimit;
            _window = limit.Window.Ticks;
        }

        public void AddCandidates(SortedSet<long> candidates, long start)
        {
            foreach (var hi in _hi)
            {
                if (hi + _window > start)
                {
                    candidates.Add(hi + _window);
                }
            }

            foreach (var lo in _lo)
            {
                if (lo + 1 > start)
                {
                    candidates.Add(lo + 1);
                }
            }
        }

        /// <summary>Whether a new send in [lo, hi] keeps every window it can fall into within the limit: those ending at its lo or at a later send's lo before hi + window.</summary>
        public bool Fits(long lo, long hi)
        {
            if (!FitsWindowEndingAt(lo, lo, hi))
            {
                return false;
            }

            for (var i = CountAtOrBefore(_lo, lo); i < _lo.Length && _lo[i] < hi + _window; i++)
            {
                if (!FitsWindowEndingAt(_lo[i], lo, hi))
                {
                    return false;
                }
            }

            return true;
        }

        private bool FitsWindowEndingAt(long end, long lo, long hi)
        {
            var others = CountAtOrBefore(_lo, end) - CountAtOrBefore(_hi, end - _window);
            var self = lo <= end && hi > end - _window ? 1 : 0;
            return others + self <= _permit;
        }

        /// <summary>How many values of the sorted array are at most <paramref name="value"/>.</summary>
        private static int CountAtOrBefore(long[] sorted, long value)
        {
            int low = 0, high = sorted.Length;
            while (low < high)
            {
                var mid = (low + high) >>> 1;
                if (sorted[mid] <= value)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            return low;
        }
    }
}
