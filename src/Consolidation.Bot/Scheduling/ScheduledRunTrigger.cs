using Consolidation.Bot.Domain;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Scheduling;

/// <summary>
/// Starts a run exactly once across instances: the run's row is claimed with an insert (the loser gets 409), then the
/// run's single outbox message is queued and the row marked queued. A claim left unqueued by a crashed instance is taken
/// over after <see cref="ScheduleOptions.ClaimTimeout"/>. The outbox handlers are idempotent per recipient, so a
/// message queued twice (take-over after a slow instance) still sends each message once.
/// </summary>
public sealed class ScheduledRunTrigger(
    ScheduleStore store,
    OutboxClient outbox,
    ReviewCatalog catalog,
    IOptions<ScheduleOptions> options,
    TimeProvider time,
    ILogger<ScheduledRunTrigger> logger,
    BotMetrics metrics) : IScheduledRunTrigger
{
    /// <summary>This process, as recorded on the runs it claims.</summary>
    public string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Manual runs are keyed to the second: a double click starts one run.</summary>
    public static DateTimeOffset ManualSlot(DateTimeOffset now) => new(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), now.Offset);

    /// <summary>
    /// The secretariat's "now" (the digest, the reminders, from chat or the tab): a manual run keyed to this second, its
    /// outcome reported to <paramref name="by"/>. The one flow the commands share after the role check.
    /// </summary>
    public Task<bool> TriggerNowAsync(ScheduleKind kind, string? tenantId, Member by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        return TriggerAsync(kind, ManualSlot(time.GetUtcNow()), manual: true, tenantId, by.AadObjectId, cancellationToken);
    }

    /// <returns>true when this instance queued the run; false when another instance has it.</returns>
    public async Task<bool> TriggerAsync(ScheduleKind kind, DateTimeOffset slot, bool manual, string? tenantId, string? reportTo, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = ScheduleStore.RunKey(kind, slot, manual);
        var run = await store.TryClaimAsync(key, kind, slot, manual, Instance, now, cancellationToken);
        if (run is null)
        {
            var existing = await store.GetRunAsync(key, cancellationToken);
            if (existing is null || existing.Status != ScheduledRunEntity.Claimed || now - existing.ClaimedAt < options.Value.ClaimTimeout)
            {
                Log.RunClaimedElsewhere(logger, key, existing?.ClaimedBy ?? "?");
                return false;
            }

            run = await store.TryTakeOverAsync(existing, Instance, now, cancellationToken);
            if (run is null)
            {
                return false;
            }

            Log.RunTakenOver(logger, key, existing.ClaimedBy);
        }

        var reviewId = await catalog.GetActiveReviewIdAsync(cancellationToken);
        if (reviewId is not null)
        {
            await outbox.EnqueueAsync(new OutboxMessage
            {
                Kind = kind == ScheduleKind.Digest ? OutboxMessage.Digest : OutboxMessage.Reminders,
                ReviewId = reviewId,
                TenantId = tenantId ?? "",
                RunKey = key,
                Slot = slot,
                Manual = manual,
                ReportTo = reportTo,
            }, cancellationToken);
        }

        run.Status = reviewId is null ? ScheduledRunEntity.Done : ScheduledRunEntity.Queued;
        await store.TryReplaceAsync(run, cancellationToken);
        Log.RunQueued(logger, key, reviewId ?? "(no review)");
        metrics.RunStarted(kind.ToString().ToLowerInvariant());
        return true;
    }
}
