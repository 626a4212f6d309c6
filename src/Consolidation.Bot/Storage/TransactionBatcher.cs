using Azure.Data.Tables;

namespace Consolidation.Bot.Storage;

/// <summary>How one caller's part of a grouped entity-group transaction ended.</summary>
/// <param name="FailedStatus">Null when committed; otherwise the HTTP status of the failed transaction.</param>
/// <param name="FailedActionIndex">The index, in the caller's own actions, of the action that failed (null when unknown or not the caller's).</param>
/// <param name="Failure">The storage exception, for statuses the caller does not expect.</param>
public sealed record TransactionOutcome(int? FailedStatus = null, int? FailedActionIndex = null, TableTransactionFailedException? Failure = null)
{
    /// <summary>When committed: the new ETag of each of the caller's rows, in the order of its actions (null where the store sent none).</summary>
    public IReadOnlyList<Azure.ETag?> ETags { get; init; } = [];

    public bool IsCommitted => FailedStatus is null;
}

/// <summary>
/// Group commit: small entity-group transactions for the same table partition that arrive while one is in flight are
/// submitted together as one transaction of up to 100 actions (no waiting for company: the first goes at once, the
/// rest queue behind it). Each caller's actions still commit all together or not at all. When the grouped transaction
/// fails on one action, that action's caller is told (with the index within its own actions) and the others are
/// submitted again without it; a storage error fails every caller of that transaction, and nothing of it is written.
/// Actions of different callers never touch the same row in one transaction (Azure refuses that); such a caller waits
/// for the next one. One instance per store client, held by a singleton; no static state.
/// </summary>
public sealed class TransactionBatcher
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Table, string Partition), Queue<Pending>> _waiting = [];
    private readonly HashSet<(string Table, string Partition)> _running = [];

    /// <summary>Commits <paramref name="actions"/> (one partition, at most 100) atomically, possibly together with other callers' actions.</summary>
    public Task<TransactionOutcome> SubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        TableTransactions.Check(actions);
        var key = (table.Name, actions[0].Entity.PartitionKey);
        var pending = new Pending(actions, cancellationToken);
        bool start;
        lock (_gate)
        {
            if (!_waiting.TryGetValue(key, out var queue))
            {
                _waiting[key] = queue = new Queue<Pending>();
            }

            queue.Enqueue(pending);
            start = _running.Add(key);
        }

        if (start)
        {
            _ = Task.Run(() => DrainAsync(table, key), CancellationToken.None);
        }

        return pending.Done.Task;
    }

    private async Task DrainAsync(TableClient table, (string Table, string Partition) key)
    {
        while (TakeBatch(key) is { Count: > 0 } batch)
        {
            await CommitAsync(table, batch);
        }
    }

    /// <summary>The next group: callers in arrival order while they fit in 100 actions and touch rows no earlier one does.</summary>
    private List<Pending> TakeBatch((string Table, string Partition) key)
    {
        lock (_gate)
        {
            var batch = new List<Pending>();
            if (!_waiting.TryGetValue(key, out var queue) || queue.Count == 0)
            {
                _waiting.Remove(key);
                _running.Remove(key);
                return batch;
            }

            var rows = new HashSet<string>(StringComparer.Ordinal);
            var actions = 0;
            var deferred = new Queue<Pending>();
            while (queue.TryDequeue(out var next))
            {
                if (next.CancellationToken.IsCancellationRequested)
                {
                    next.Done.TrySetCanceled(next.CancellationToken);
                }
                else if (actions + next.Actions.Count <= TableTransactions.MaxActions && next.Actions.All(a => !rows.Contains(a.Entity.RowKey)))
                {
                    batch.Add(next);
                    actions += next.Actions.Count;
                    rows.UnionWith(next.Actions.Select(a => a.Entity.RowKey));
                }
                else
                {
                    deferred.Enqueue(next);
                }
            }

            _waiting[key] = deferred;
            return batch;
        }
    }

    private static async Task CommitAsync(TableClient table, List<Pending> batch)
    {
        while (batch.Count > 0)
        {
            var actions = batch.SelectMany(p => p.Actions).ToList();
            try
            {
                // Not the callers' tokens: the group is shared, and a cancelled caller must not abort the others' write.
                var responses = (await table.SubmitTransactionAsync(actions, CancellationToken.None)).Value;
                var offset = 0;
                foreach (var pending in batch)
                {
                    var etags = Enumerable.Range(offset, pending.Actions.Count)
                        .Select(i => i < responses.Count ? responses[i].Headers.ETag : null).ToList();
                    offset += pending.Actions.Count;
                    pending.Done.TrySetResult(new TransactionOutcome { ETags = etags });
                }

                return;
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex is { } index && index >= 0 && index < actions.Count)
            {
                // Only the caller whose action failed is told; the others go again without it.
                var (owner, local) = Locate(batch, index);
                owner.Done.TrySetResult(new TransactionOutcome(ex.Status, local, ex));
                batch.Remove(owner);
            }
            catch (TableTransactionFailedException) when (batch.Count > 1)
            {
                // A failed group with no index: each caller on its own, so each gets its own answer.
                foreach (var pending in batch)
                {
                    await CommitAsync(table, [pending]);
                }

                return;
            }
            catch (TableTransactionFailedException ex)
            {
                batch[0].Done.TrySetResult(new TransactionOutcome(ex.Status, null, ex));
                return;
            }
            catch (Exception ex)
            {
                // The store is unreachable or failing: nothing of the group was written; every caller sees the error.
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(ex);
                }

                return;
            }
        }
    }

    private static (Pending Owner, int Local) Locate(List<Pending> batch, int index)
    {
        foreach (var pending in batch)
        {
            if (index < pending.Actions.Count)
            {
                return (pending, index);
            }

            index -= pending.Actions.Count;
        }

        throw new ArgumentOutOfRangeException(nameof(index));
    }

    private sealed class Pending(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        public IReadOnlyList<TableTransactionAction> Actions { get; } = actions;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource<TransactionOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
