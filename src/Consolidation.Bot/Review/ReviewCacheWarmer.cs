using System.Diagnostics;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.Review;

/// <summary>
/// Reads the active review once at start-up, in the background, so that the first status question or digest does not pay
/// for reading every task (readiness does not wait for it). A failure is logged; the first question then reads it.
/// </summary>
public sealed class ReviewCacheWarmer(ReviewCatalog catalog, ReviewRepository repository, ILogger<ReviewCacheWarmer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            var started = Stopwatch.GetTimestamp();
            if (await catalog.GetActiveReviewIdAsync(stoppingToken) is { } reviewId
                && await repository.LoadAsync(reviewId, stoppingToken) is { } snapshot)
            {
                Log.ReviewWarmed(logger, reviewId, snapshot.Tasks.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (StorageFailures.IsUnavailable(ex))
        {
            Log.ReviewWarmFailed(logger, ex);
        }
    }
}
