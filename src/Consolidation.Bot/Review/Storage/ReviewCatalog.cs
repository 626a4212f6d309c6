using Azure;
using Azure.Data.Tables;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.Review.Storage;

/// <summary>The Reviews table: one row per review (its current definition generation) and the active-review pointer.</summary>
public sealed class ReviewCatalog(TableClientProvider tables)
{
    /// <summary>The review the bot serves, or null when none has been imported yet.</summary>
    public async Task<string?> GetActiveReviewIdAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Reviews, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<ActiveReviewEntity>(ReviewKeys.ActivePartition, ReviewKeys.ActiveRow, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.ReviewId : null;
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
    }

    public async Task<ReviewRowEntity?> GetReviewAsync(string reviewId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Reviews, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<ReviewRowEntity>(ReviewKeys.ReviewsPartition, TableKeys.Escape(reviewId), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
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
        try
        {
            if (expected is null)
            {
                await table.AddEntityAsync(row, cancellationToken);
            }
            else
            {
                await table.UpdateEntityAsync(row, expected.Value, TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task DeleteReviewRowAsync(string reviewId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Reviews, cancellationToken);
        await table.DeleteEntityAsync(ReviewKeys.ReviewsPartition, TableKeys.Escape(reviewId), ETag.All, cancellationToken);
    }
}
