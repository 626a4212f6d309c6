using Azure;
using Azure.Data.Tables;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.Review.Storage;

/// <summary>
/// The Reviews table: one row per review (its current definition generation) and the active-review pointer. Every turn
/// needs both, so what was read is kept for <see cref="Freshness"/> (this instance's own writes are seen at once; another
/// process's import, stage change or new active review within that time). A review row's ETag changes with every change
/// to the review's definitions, stage windows or task states other than a single answer (<see cref="TouchAsync"/>):
/// caches of those are valid as long as the ETag they were read under is current.
/// </summary>
public sealed class ReviewCatalog(TableClientProvider tables, TimeProvider time)
{
    /// <summary>How long a read of the active pointer or a review row is trusted.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private (string? ReviewId, long ReadAt)? _active;
    private readonly BoundedCache<string, (ReviewRowEntity? Row, long ReadAt)> _reviews = new(64, StringComparer.Ordinal);

    /// <summary>The review the bot serves, or null when none has been imported yet, as read at most <see cref="Freshness"/> ago.</summary>
    public async Task<string?> GetActiveReviewIdAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_active is { } known && Fresh(known.ReadAt))
            {
                return known.ReviewId;
            }
        }

        return await ReadActiveReviewIdAsync(cancellationToken);
    }

    /// <summary>The review the bot serves, read now (for changes: opening a stage must not act on a review replaced a moment ago).</summary>
    public async Task<string?> ReadActiveReviewIdAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var table = await tables.GetAsync(TableNames.Reviews, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<ActiveReviewEntity>(ReviewKeys.ActivePartition, ReviewKeys.ActiveRow, cancellationToken: cancellationToken);
        var reviewId = row.HasValue ? row.Value!.ReviewId : null;
        lock (_gate)
        {
            _active = (reviewId, started);
        }

        return reviewId;
    }

    /// <summary>Changes the review row's ETag (and nothing else of it): readers' caches of its windows and task states are then re-read.</summary>
    public async Task TouchAsync(string reviewId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Reviews, cancellationToken);
        try
        {
            await table.UpdateEntityAsync(
                new TableEntity(ReviewKeys.ReviewsPartition, TableKeys.Escape(reviewId)) { ["StatesChangeId"] = Guid.NewGuid().ToString("N") },
                ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No review row (deleted, or a seed before publishing): nobody caches anything of it.
        }

        Forget(reviewId);
    }

    private bool Fresh(long readAt) => time.GetElapsedTime(readAt) < Freshness;

    private void Forget(string reviewId) => ForgetRow(TableKeys.Escape(reviewId));

    /// <summary>Cached rows are keyed by their RowKey (the escaped review id).</summary>
    private void ForgetRow(string rowKey)
    {
        _reviews.Remove(rowKey);
    }

    public async Task SetActiveReviewAsync(string reviewId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Reviews, cancellationToken);
        await table.UpsertEntityAsync(new ActiveReviewEntity
        {
            PartitionKey = ReviewKeys.ActivePartition,
            RowKey = ReviewKeys.ActiveRow,
            ReviewId = reviewId,
        }, TableUpdateMode.Replace, cancellationToken);
        lock (_gate)
        {
            _active = (reviewId, time.GetTimestamp());
        }
    }

    /// <summary>The review's row as read at most <see cref="Freshness"/> ago (shared: callers must not change it).</summary>
    public async Task<ReviewRowEntity?> GetReviewAsync(string reviewId, CancellationToken cancellationToken)
    {
        if (_reviews.TryGet(TableKeys.Escape(reviewId), out var known) && Fresh(known.ReadAt))
        {
            return known.Row;
        }

        return await ReadReviewAsync(reviewId, cancellationToken);
    }

    /// <summary>The review's row read now, with the ETag to change it under (imports, bulk changes).</summary>
    public async Task<ReviewRowEntity?> ReadReviewAsync(string reviewId, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var table = await tables.GetAsync(TableNames.Reviews, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<ReviewRowEntity>(ReviewKeys.ReviewsPartition, TableKeys.Escape(reviewId), cancellationToken: cancellationToken);
        var review = row.HasValue ? row.Value : null;
        _reviews.Set(TableKeys.Escape(reviewId), (review, started));

        return review;
    }

    public async Task<IReadOnlyList<ReviewRowEntity>> ListReviewsAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Reviews, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReviewKeys.ReviewsPartition}");
        var result = new List<ReviewRowEntity>();
        await foreach (var row in table.QueryAsync<ReviewRowEntity>(filter, cancellationToken: cancellationToken))
        {
            result.Add(row);
        }

        return result;
    }

    /// <summary>
    /// Makes <paramref name="row"/>'s generation current: insert when <paramref name="expected"/> is null, otherwise
    /// replace only if nobody changed the row since it was read (ETag). Returns false on a lost race.
    /// </summary>
    public async Task<bool> TryPublishAsync(ReviewRowEntity row, ETag? expected, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Reviews, cancellationToken);
        row.PartitionKey = ReviewKeys.ReviewsPartition;
        ForgetRow(row.RowKey);
        try
        {
            return await table.TrySaveAsync(row, expected, cancellationToken) is not null;
        }
        finally
        {
            ForgetRow(row.RowKey);
        }
    }

    public async Task DeleteReviewRowAsync(string reviewId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Reviews, cancellationToken);
        await table.DeleteEntityAsync(ReviewKeys.ReviewsPartition, TableKeys.Escape(reviewId), ETag.All, cancellationToken);
        Forget(reviewId);
    }
}
