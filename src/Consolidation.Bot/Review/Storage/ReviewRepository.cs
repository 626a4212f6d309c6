using Azure;
using Azure.Data.Tables;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.Review.Storage;

/// <summary>
/// Reads a review and commits task changes. A change is one entity-group transaction in the review's state
/// partition: the state row (guarded by its ETag, or inserted if new), the history entry (its RowKey carries the
/// version it produced, so it is never overwritten) and, for submissions, the idempotency marker.
/// </summary>
public sealed class ReviewRepository(TableClientProvider tables, ReviewCatalog catalog)
{
    public async Task<ReviewSnapshot?> LoadAsync(string reviewId, CancellationToken cancellationToken) =>
        (await LoadForUpdateAsync(reviewId, cancellationToken))?.Snapshot;

    /// <summary>The snapshot and every task as a <see cref="StoredTask"/> (with its state ETag), for bulk changes.</summary>
    public async Task<(ReviewSnapshot Snapshot, IReadOnlyList<StoredTask> Tasks)?> LoadForUpdateAsync(string reviewId, CancellationToken cancellationToken)
    {
        var review = await catalog.GetReviewAsync(reviewId, cancellationToken);
        if (review is null)
        {
            return null;
        }

        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var definitionPartition = ReviewKeys.DefinitionPartition(reviewId, review.Generation);
        var statePartition = ReviewKeys.StatePartition(reviewId);
        var definitions = QueryAsync<TaskDefinitionEntity>(table, definitionPartition, ReviewKeys.TaskPrefix, cancellationToken);
        var members = QueryAsync<MemberEntity>(table, definitionPartition, ReviewKeys.MemberPrefix, cancellationToken);
        var states = QueryAsync<TaskStateEntity>(table, statePartition, ReviewKeys.StatePrefix, cancellationToken);
        var windows = QueryAsync<StageWindowEntity>(table, statePartition, ReviewKeys.WindowPrefix, cancellationToken);
        await Task.WhenAll(definitions, members, states, windows);

        var stateById = (await states).ToDictionary(s => s.TaskId, StringComparer.Ordinal);
        var stored = (await definitions)
            .OrderBy(d => d.Order)
            .Select(d => stateById.TryGetValue(d.Id, out var s)
                ? new StoredTask(new ReviewTask(ReviewEntityMapper.ToDomain(d), ReviewEntityMapper.ToDomain(s)), s.ETag)
                : new StoredTask(new ReviewTask(ReviewEntityMapper.ToDomain(d), TaskState.New(d.Id)), null))
            .ToList();
        var snapshot = new ReviewSnapshot(reviewId, review.Name, review.Generation, stored.Select(t => t.Task).ToList(),
            (await members).Select(ReviewEntityMapper.ToDomain).OrderBy(m => m.Email, StringComparer.Ordinal).ToList(),
            (await windows).Select(ReviewEntityMapper.ToDomain).ToList());
        return (snapshot, stored);
    }

    /// <summary>One task with its state's ETag (three point reads); null when the review or the task does not exist.</summary>
    public async Task<StoredTask?> GetTaskAsync(string reviewId, string taskId, CancellationToken cancellationToken)
    {
        var review = await catalog.GetReviewAsync(reviewId, cancellationToken);
        if (review is null)
        {
            return null;
        }

        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var definition = table.GetEntityIfExistsAsync<TaskDefinitionEntity>(
            ReviewKeys.DefinitionPartition(reviewId, review.Generation), ReviewKeys.TaskRow(taskId), cancellationToken: cancellationToken);
        var state = table.GetEntityIfExistsAsync<TaskStateEntity>(
            ReviewKeys.StatePartition(reviewId), ReviewKeys.StateRow(taskId), cancellationToken: cancellationToken);
        var (d, s) = (await definition, await state);
        if (!d.HasValue)
        {
            return null;
        }

        var task = new ReviewTask(ReviewEntityMapper.ToDomain(d.Value!), s.HasValue ? ReviewEntityMapper.ToDomain(s.Value!) : TaskState.New(taskId));
        return new StoredTask(task, s.HasValue ? s.Value!.ETag : null);
    }

    public async Task<IReadOnlyList<Member>> GetMembersAsync(string reviewId, CancellationToken cancellationToken)
    {
        var review = await catalog.GetReviewAsync(reviewId, cancellationToken);
        if (review is null)
        {
            return [];
        }

        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var rows = await QueryAsync<MemberEntity>(table, ReviewKeys.DefinitionPartition(reviewId, review.Generation), ReviewKeys.MemberPrefix, cancellationToken);
        return rows.Select(ReviewEntityMapper.ToDomain).ToList();
    }

    /// <summary>The history of one task (oldest first), or of the whole review when <paramref name="taskId"/> is null.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string reviewId, string? taskId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var prefix = taskId is null ? ReviewKeys.HistoryPrefix : ReviewKeys.HistoryTaskPrefix(taskId);
        var rows = await QueryAsync<HistoryEntity>(table, ReviewKeys.StatePartition(reviewId), prefix, cancellationToken);
        return rows.Select(ReviewEntityMapper.ToDomain).ToList();
    }

    public async Task<IReadOnlyList<StageWindow>> GetWindowsAsync(string reviewId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var rows = await QueryAsync<StageWindowEntity>(table, ReviewKeys.StatePartition(reviewId), ReviewKeys.WindowPrefix, cancellationToken);
        return rows.Select(ReviewEntityMapper.ToDomain).ToList();
    }

    public async Task<StageWindow?> GetWindowAsync(string reviewId, Stage stage, Subcommittee subcommittee, CancellationToken cancellationToken) =>
        (await GetWindowForUpdateAsync(reviewId, stage, subcommittee, cancellationToken))?.Window;

    /// <summary>A stage window with the ETag to update it with.</summary>
    public async Task<(StageWindow Window, ETag ETag)?> GetWindowForUpdateAsync(string reviewId, Stage stage, Subcommittee subcommittee, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<StageWindowEntity>(
            ReviewKeys.StatePartition(reviewId), ReviewKeys.WindowRow(stage, subcommittee), cancellationToken: cancellationToken);
        return row.HasValue ? (ReviewEntityMapper.ToDomain(row.Value!), row.Value!.ETag) : null;
    }

    /// <summary>Inserts the window (no ETag) or replaces it if unchanged since read (ETag); false when someone else changed it.</summary>
    public async Task<bool> TrySaveWindowAsync(string reviewId, StageWindow window, ETag? expected, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var entity = ReviewEntityMapper.ToEntity(window, ReviewKeys.StatePartition(reviewId));
        try
        {
            if (expected is null)
            {
                await table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await table.UpdateEntityAsync(entity, expected.Value, TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Writes a window whatever it was before (seeding a new review only).</summary>
    public async Task UpsertWindowAsync(string reviewId, StageWindow window, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        await table.UpsertEntityAsync(ReviewEntityMapper.ToEntity(window, ReviewKeys.StatePartition(reviewId)), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>True when a submission with this idempotency key has already been stored.</summary>
    public async Task<bool> IsStoredAsync(string reviewId, string submissionKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<DedupEntity>(ReviewKeys.StatePartition(reviewId), ReviewKeys.DedupRow(submissionKey), cancellationToken: cancellationToken);
        return row.HasValue;
    }

    /// <summary>Commits one task change atomically (state + history [+ idempotency marker]).</summary>
    public async Task<CommitOutcome> CommitAsync(string reviewId, StoredTask before, TaskState after, HistoryEntry entry, string? submissionKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var partition = ReviewKeys.StatePartition(reviewId);
        var actions = new List<TableTransactionAction>(3);
        AddChange(actions, partition, before, after, entry);
        if (submissionKey is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new DedupEntity
            {
                PartitionKey = partition,
                RowKey = ReviewKeys.DedupRow(submissionKey),
                TaskId = after.TaskId,
                ResultingVersion = after.Version,
                At = entry.At,
            }));
        }

        try
        {
            await TableTransactions.SubmitAsync(table, actions, cancellationToken);
            return CommitOutcome.Committed;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            return submissionKey is not null && ex.FailedTransactionActionIndex == actions.Count - 1
                ? CommitOutcome.Duplicate
                : CommitOutcome.Conflict;
        }
    }

    /// <summary>Commits many task changes, each with its history entry, in transactions of up to 50 tasks; all in one partition.</summary>
    public async Task CommitManyAsync(string reviewId, IReadOnlyList<(StoredTask Before, TaskState After, HistoryEntry Entry)> changes, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var partition = ReviewKeys.StatePartition(reviewId);
        foreach (var chunk in changes.Chunk(50))
        {
            var actions = new List<TableTransactionAction>(chunk.Length * 2);
            foreach (var (before, after, entry) in chunk)
            {
                AddChange(actions, partition, before, after, entry);
            }

            await TableTransactions.SubmitAsync(table, actions, cancellationToken);
        }
    }

    /// <summary>
    /// Writes the states and history of a review that has none yet (the demo's seeded answers): each task's rows stay
    /// in one transaction, transactions hold up to 100 rows, all in the review's partition.
    /// </summary>
    public async Task SeedAsync(string reviewId, IReadOnlyList<(TaskState State, IReadOnlyList<HistoryEntry> History)> tasks, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var partition = ReviewKeys.StatePartition(reviewId);
        var batch = new List<TableTransactionAction>(TableTransactions.MaxActions);
        foreach (var (state, history) in tasks)
        {
            var rows = history.Select(h => (ITableEntity)ReviewEntityMapper.ToEntity(h, partition))
                .Prepend(ReviewEntityMapper.ToEntity(state, partition))
                .Select(e => new TableTransactionAction(TableTransactionActionType.Add, e))
                .ToList();
            if (batch.Count + rows.Count > TableTransactions.MaxActions)
            {
                await TableTransactions.SubmitAsync(table, batch, cancellationToken);
                batch = new List<TableTransactionAction>(TableTransactions.MaxActions);
            }

            batch.AddRange(rows);
        }

        if (batch.Count > 0)
        {
            await TableTransactions.SubmitAsync(table, batch, cancellationToken);
        }
    }

    private static void AddChange(List<TableTransactionAction> actions, string partition, StoredTask before, TaskState after, HistoryEntry entry)
    {
        var state = ReviewEntityMapper.ToEntity(after, partition);
        actions.Add(before.StateETag is { } etag
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, state, etag)
            : new TableTransactionAction(TableTransactionActionType.Add, state));
        actions.Add(new TableTransactionAction(TableTransactionActionType.Add, ReviewEntityMapper.ToEntity(entry, partition)));
    }

    internal static async Task<List<T>> QueryAsync<T>(TableClient table, string partition, string rowPrefix, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {rowPrefix} and RowKey lt {ReviewKeys.PrefixEnd(rowPrefix)}");
        var result = new List<T>();
        await foreach (var row in table.QueryAsync<T>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            result.Add(row);
        }

        return result;
    }
}
