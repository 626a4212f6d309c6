using Azure;
using Azure.Data.Tables;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.Review.Storage;

/// <summary>The review's stage windows: read (all, some, one), saved with their ETag, and read again in the background.</summary>
public sealed partial class ReviewRepository
{
    /// <summary>The windows read again without anyone waiting (a range query scans the whole table on Azurite); one at a time.</summary>
    private void RefreshWindowsInBackground(TableClient table, string reviewId, ReviewStateCache cache, string epoch)
    {
        if (Interlocked.CompareExchange(ref _refreshingWindows, 1, 0) != 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await ReadWindowsAsync(table, reviewId, cache, epoch, CancellationToken.None);
            }
            catch (Exception ex) when (StorageFailures.IsStorageFailure(ex))
            {
                // The next question starts another read; until then it is answered with the windows known.
            }
            finally
            {
                Interlocked.Exchange(ref _refreshingWindows, 0);
            }
        });
    }

    private static async Task<IReadOnlyList<StageWindow>> ReadWindowsAsync(TableClient table, string reviewId, ReviewStateCache cache, string epoch, CancellationToken cancellationToken)
    {
        var windows = (await PrefixQuery.ListAsync<StageWindowEntity>(table, ReviewKeys.StatePartition(reviewId), ReviewKeys.WindowPrefix, cancellationToken))
            .Select(ReviewEntityMapper.ToDomain).ToList();
        cache.OfferAllWindows(epoch, windows);
        return windows;
    }

    /// <summary>
    /// Stage windows by point reads: a range query would cost as much as the partition is large on Azurite (it scans),
    /// and point reads are the cheapest request on Azure Tables too.
    /// </summary>
    private static async Task<IReadOnlyList<StageWindow>> WindowsAsync(TableClient table, string statePartition, IEnumerable<(Stage Stage, Subcommittee Subcommittee)> keys, CancellationToken cancellationToken)
    {
        var reads = keys.Select(k => table.GetEntityIfExistsAsync<StageWindowEntity>(
            statePartition, ReviewKeys.WindowRow(k.Stage, k.Subcommittee), cancellationToken: cancellationToken)).ToList();
        await Task.WhenAll(reads);
        return reads.Select(r => r.Result).Where(r => r.HasValue).Select(r => ReviewEntityMapper.ToDomain(r.Value!)).ToList();
    }

    public async Task<IReadOnlyList<StageWindow>> GetWindowsAsync(string reviewId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var rows = await PrefixQuery.ListAsync<StageWindowEntity>(table, ReviewKeys.StatePartition(reviewId), ReviewKeys.WindowPrefix, cancellationToken);
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
        if (await table.TrySaveAsync(entity, expected, cancellationToken) is null)
        {
            return false;
        }

        await catalog.TouchAsync(reviewId, cancellationToken);
        return true;
    }

    /// <summary>Writes a window whatever it was before (seeding a new review only).</summary>
    public async Task UpsertWindowAsync(string reviewId, StageWindow window, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        await table.UpsertEntityAsync(ReviewEntityMapper.ToEntity(window, ReviewKeys.StatePartition(reviewId)), TableUpdateMode.Replace, cancellationToken);
        await catalog.TouchAsync(reviewId, cancellationToken);
    }
}
