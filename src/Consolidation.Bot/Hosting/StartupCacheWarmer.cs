using System.Diagnostics;
using Consolidation.Bot.Conversations;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.Hosting;

/// <summary>
/// Reads at start-up, in the background, what turns would otherwise each read from storage: the active review's task
/// states (so the first status question or digest does not pay for reading every task, and answers find their tasks in
/// memory) and the users' conversation references (so a member's first turn need not read theirs to find it unchanged).
/// Readiness does not wait for it. A failure is logged; turns then read storage as they go.
/// </summary>
public sealed class StartupCacheWarmer(
    ReviewCatalog catalog, ReviewRepository repository, ConversationReferenceStore references, TimeProvider time,
    ILogger<StartupCacheWarmer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            var started = Stopwatch.GetTimestamp();
            var remembered = await references.WarmAsync(time.GetUtcNow(), stoppingToken);
            Log.ReferencesWarmed(logger, remembered, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            started = Stopwatch.GetTimestamp();
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
