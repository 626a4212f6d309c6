using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Scheduling;
using Consolidation.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Features.Questionnaire;

/// <summary>
/// Every <see cref="OutboxOptions.SweepInterval"/>, queues the next card of each member who is owed one
/// (<see cref="OwedCards"/>) and was already owed one at the previous sweep, so the normal path (the card queued by the
/// answer or the stage opening) is given a whole interval first. This makes "the next card is sent" hold when queueing
/// failed after an answer was stored, and makes a stage opening resumable after a restart or a timeout half-way.
/// A queued card is sent at most once whatever the sweep does: the member's cursor decides.
/// </summary>
public sealed class NextCardSweeper(
    ReviewCatalog catalog,
    ReviewRepository repository,
    MemberCursorStore cursors,
    OutboxClient outbox,
    ScheduleTenants tenants,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<NextCardSweeper> logger) : BackgroundService
{
    private HashSet<string> _owedLastTime = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || settings.SweepInterval <= TimeSpan.Zero)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.SweepInterval, time, stoppingToken);
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Log.SweepFailed(logger, StorageFailures.IsUnavailable(ex), ex);
            }
        }
    }

    /// <summary>One sweep; returns the members whose card it queued.</summary>
    public async Task<IReadOnlyList<string>> SweepAsync(CancellationToken cancellationToken)
    {
        var reviewId = await catalog.GetActiveReviewIdAsync(cancellationToken);
        var snapshot = reviewId is null ? null : await repository.LoadAsync(reviewId, cancellationToken);
        if (snapshot is null)
        {
            return [];
        }

        var unreachable = (await cursors.ListUnreachableAsync(snapshot.ReviewId, cancellationToken)).Select(u => u.Email);
        var owed = OwedCards.Members(snapshot, await cursors.ListAsync(snapshot.ReviewId, cancellationToken), unreachable, time.GetUtcNow(), options.Value.Lease);
        var due = owed.Where(_owedLastTime.Contains).ToList();
        _owedLastTime = owed.ToHashSet(StringComparer.Ordinal);
        Log.SweepDone(logger, snapshot.ReviewId, owed.Count, due.Count);
        if (due.Count == 0 || await tenants.ResolveAsync(null, cancellationToken) is not { } tenant)
        {
            return [];
        }

        foreach (var email in due)
        {
            await outbox.EnqueueAsync(new OutboxMessage { Kind = OutboxMessage.NextCard, ReviewId = snapshot.ReviewId, TenantId = tenant, Email = email }, cancellationToken);
        }

        Log.SweepQueuedCards(logger, due.Count, snapshot.ReviewId);
        return due;
    }
}
