using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Data.Tables;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.Review.Storage;

/// <summary>
/// One review's task states (with the ETags of their rows) and the stage windows read, kept in memory by this instance.
/// <para>
/// The states are complete for an <em>epoch</em>: the review row's ETag under which they were last read, which every
/// change other than a single answer moves (<see cref="ReviewCatalog.TouchAsync"/>). While the epoch is current a
/// member's tasks come from here instead of a storage read per task; this instance's own commits and point reads are
/// written through. What may lag is another instance's answers (until the next catch-up): harmless for decisions, whose
/// commits are guarded by the state's ETag and re-decided on fresh data when it moved, and whose refusals are confirmed
/// on fresh data.
/// </para>
/// Caught up by server timestamp (rows changed since the newest one seen, with a margin), read in full every
/// <see cref="ReviewRepository.FullStateReload"/>.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "A SemaphoreSlim whose wait handle is never used holds nothing to dispose; the cache lives as long as the process.")]
internal sealed class ReviewStateCache(TimeProvider time)
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Windows are read again after this long even when the epoch has not moved: a stage opened or closed whose epoch
    /// change failed (storage lost between the two writes) is then seen anyway, within this time.
    /// </summary>
    public static readonly TimeSpan WindowsMaxAge = TimeSpan.FromSeconds(30);

    /// <summary>How old a <see cref="ReadConsistency.Recent"/> read may be (then the next one catches up).</summary>
    public static readonly TimeSpan RecentAge = TimeSpan.FromSeconds(2);

    /// <summary>The longest a quiet review waits between background catch-ups (see <see cref="QuietAge"/>).</summary>
    public static readonly TimeSpan QuietMaxAge = TimeSpan.FromSeconds(8);

    // Catch-ups in a row that found nothing new: each doubles the age before the next, up to QuietMaxAge.
    private int _quietCatchUps;

    /// <summary>Catch-ups in a row that found nothing new (tests observe the back-off by it).</summary>
    internal int QuietCatchUps => Volatile.Read(ref _quietCatchUps);

    /// <summary>
    /// <see cref="RecentAge"/>, doubled for each background catch-up in a row that found nothing new, up to
    /// <see cref="QuietMaxAge"/>; back to <see cref="RecentAge"/> at the first change. On Azurite every catch-up scans the
    /// whole partition on the same cores as the bot: a quiet review need not be scanned every 2 s while questions come.
    /// </summary>
    private TimeSpan QuietAge => TimeSpan.FromTicks(Math.Min(RecentAge.Ticks << Math.Min(Volatile.Read(ref _quietCatchUps), 8), QuietMaxAge.Ticks));
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _windowGate = new();
    private ConcurrentDictionary<string, (TaskState State, ETag? ETag)> _states = new(StringComparer.Ordinal);
    private Dictionary<(Stage, Subcommittee), StageWindow?> _windows = [];
    private string? _windowsEpoch;
    private long _windowsReadAt;
    private volatile string? _epoch;
    private DateTimeOffset _known;
    private long _loadedAt;
    private long _caughtUpAt;
    private int _catchingUp;

    // Every change of the states known here (a catch-up, an offer) counts, so the list built from them is reused until one.
    private int _changes;
    private (ReviewDefinitions Definitions, int Changes, IReadOnlyList<ReviewTask> Tasks)? _built;
    private (string Epoch, long ReadAt, IReadOnlyList<StageWindow> Windows)? _allWindows;

    /// <summary>
    /// Every task of <paramref name="definitions"/> with its state, brought up to date first (in full when never read or
    /// read long ago). <see cref="ReadConsistency.Recent"/> under the epoch the states were read in does not wait: the
    /// states in memory are returned, and when they were caught up <see cref="RecentAge"/> ago or more a catch-up starts
    /// in the background (on Azurite a catch-up scans the table, about 1.5 s at 100,000 tasks, which no question should
    /// wait for). The list is shared until the states change: never modify it.
    /// </summary>
    public async Task<IReadOnlyList<ReviewTask>> ReadAsync(TableClient table, string partition, ReviewDefinitions definitions, string epoch, ReadConsistency consistency, CancellationToken cancellationToken)
    {
        if (consistency == ReadConsistency.Fresh || _epoch != epoch)
        {
            await CatchUpAsync(table, partition, epoch, cancellationToken);
        }
        else if (time.GetElapsedTime(Interlocked.Read(ref _caughtUpAt)) >= QuietAge)
        {
            StartCatchUp(table, partition, epoch);
        }

        var changes = Volatile.Read(ref _changes);
        if (_built is { } built && ReferenceEquals(built.Definitions, definitions) && built.Changes == changes)
        {
            return built.Tasks;
        }

        var states = _states;
        var tasks = definitions.Tasks.Select(d => new ReviewTask(d, states.TryGetValue(d.Id, out var known) ? known.State : TaskState.New(d.Id))).ToList();
        _built = (definitions, changes, tasks);
        return tasks;
    }

    /// <summary>
    /// All the review's stage windows as last read under <paramref name="epoch"/> (null when not read under it), and whether
    /// they were read <see cref="RecentAge"/> ago or more (the caller then reads them again in the background).
    /// </summary>
    public (IReadOnlyList<StageWindow> Windows, bool Old)? TryGetAllWindows(string epoch) =>
        _allWindows is { } known && known.Epoch == epoch ? (known.Windows, time.GetElapsedTime(known.ReadAt) >= RecentAge) : null;

    public void OfferAllWindows(string epoch, IReadOnlyList<StageWindow> windows) => _allWindows = (epoch, time.GetTimestamp(), windows);

    /// <summary>
    /// <paramref name="tasks"/> with their states and ETags from memory, or null when the states are not known complete
    /// for <paramref name="epoch"/> (then a catch-up starts in the background and the caller reads storage).
    /// </summary>
    public IReadOnlyList<StoredTask>? TryGet(IReadOnlyList<TaskDefinition> tasks, string epoch, TableClient table, string partition)
    {
        if (_epoch != epoch)
        {
            StartCatchUp(table, partition, epoch);
            return null;
        }

        var states = _states;
        return tasks.Select(d => states.TryGetValue(d.Id, out var known)
            ? new StoredTask(new ReviewTask(d, known.State), known.ETag)
            : new StoredTask(new ReviewTask(d, TaskState.New(d.Id)), null)).ToList();
    }

    /// <summary>A state read or written by this instance; an older version than the one known is ignored.</summary>
    public void Offer(TaskState state, ETag? etag)
    {
        _states.AddOrUpdate(state.TaskId, (state, etag), (_, known) => state.Version >= known.State.Version ? (state, etag) : known);
        Interlocked.Increment(ref _changes);
    }

    /// <summary>The windows of <paramref name="keys"/> when all were read under <paramref name="epoch"/>; null otherwise.</summary>
    public IReadOnlyList<StageWindow>? TryGetWindows(IReadOnlyCollection<(Stage Stage, Subcommittee Subcommittee)> keys, string epoch)
    {
        lock (_windowGate)
        {
            if (_windowsEpoch != epoch || time.GetElapsedTime(_windowsReadAt) >= WindowsMaxAge || !keys.All(_windows.ContainsKey))
            {
                return null;
            }

            return keys.Select(k => _windows[k]).OfType<StageWindow>().ToList();
        }
    }

    /// <summary>Windows point-read under <paramref name="epoch"/> (a key with no row is remembered as none).</summary>
    public void OfferWindows(IReadOnlyCollection<(Stage Stage, Subcommittee Subcommittee)> keys, IReadOnlyList<StageWindow> windows, string epoch)
    {
        lock (_windowGate)
        {
            if (_windowsEpoch != epoch || time.GetElapsedTime(_windowsReadAt) >= WindowsMaxAge)
            {
                (_windows, _windowsEpoch, _windowsReadAt) = ([], epoch, time.GetTimestamp());
            }

            foreach (var key in keys)
            {
                _windows[key] = windows.FirstOrDefault(w => w.Stage == key.Stage && w.Subcommittee == key.Subcommittee);
            }
        }
    }

    private void StartCatchUp(TableClient table, string partition, string epoch)
    {
        if (Interlocked.CompareExchange(ref _catchingUp, 1, 0) != 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await CatchUpAsync(table, partition, epoch, CancellationToken.None);
            }
            catch (Exception ex) when (StorageFailures.IsStorageFailure(ex) || ex is OperationCanceledException)
            {
                // A cancellation here is the storage client's own timeout (the read runs on no caller's token). Turns keep reading storage; the next one to find the epoch moved starts another catch-up.
            }
            finally
            {
                Interlocked.Exchange(ref _catchingUp, 0);
            }
        });
    }

    private async Task CatchUpAsync(TableClient table, string partition, string epoch, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var full = _epoch is null || time.GetElapsedTime(_loadedAt) > ReviewRepository.FullStateReload;
            var since = _known == DateTimeOffset.MinValue ? DateTimeOffset.UnixEpoch : _known - Margin;
            var filter = full
                ? PrefixQuery.Filter(partition, ReviewKeys.StatePrefix)
                : PrefixQuery.Filter(partition, ReviewKeys.StatePrefix, since);
            var states = full ? new ConcurrentDictionary<string, (TaskState, ETag?)>(StringComparer.Ordinal) : _states;
            var known = full ? DateTimeOffset.MinValue : _known;
            var changed = full || _epoch != epoch;
            await foreach (var row in table.QueryAsync<TaskStateEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
            {
                if (row.Timestamp is { } stamp && stamp > known)
                {
                    known = stamp;
                }

                // The margin reads the last changes again: a row known with this very ETag is no change.
                if (!full && states.TryGetValue(row.TaskId, out var had) && had.Item2 == row.ETag)
                {
                    continue;
                }

                // Kept as domain states (smaller than the table entities, and mapped once, not on every read).
                var state = ReviewEntityMapper.ToDomain(row);
                states.AddOrUpdate(state.TaskId, (state, row.ETag), (_, had) => state.Version >= had.Item1.Version ? (state, row.ETag) : had);
                changed = true;
            }

            (_states, _known) = (states, known);
            if (full)
            {
                _loadedAt = time.GetTimestamp();
            }

            _epoch = epoch;
            if (changed)
            {
                // Only a real change rebuilds the shared task list: a catch-up that finds nothing new must not make the
                // next question allocate 100,000 tasks again.
                Interlocked.Increment(ref _changes);
                Volatile.Write(ref _quietCatchUps, 0);
            }
            else
            {
                Interlocked.Increment(ref _quietCatchUps);
            }

            Interlocked.Exchange(ref _caughtUpAt, time.GetTimestamp());
        }
        finally
        {
            _gate.Release();
        }
    }
}
