using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Protocol.Auth;
using Consolidation.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Scheduling;

/// <summary>
/// Wakes at each slot (through the injected <see cref="TimeProvider"/>) and starts what is due: the latest slot after the
/// last completed one, so a bot that was down catches up once at start-up, not once per missed slot. On the very first
/// start (no record yet) nothing in the past is due. Every instance runs this loop; the claim in
/// <see cref="ScheduledRunTrigger"/> lets exactly one of them start each run.
/// </summary>
public sealed class ScheduleRunner(
    ScheduleStore store,
    ScheduledRunTrigger trigger,
    ScheduleCalendar calendar,
    IOptions<ScheduleOptions> options,
    IOptions<BotAuthenticationOptions> bot,
    TimeProvider time,
    ILogger<ScheduleRunner> logger) : BackgroundService
{
    private static readonly ScheduleKind[] Kinds = [ScheduleKind.Digest, ScheduleKind.Reminders];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                await RunDueAsync(stoppingToken);
                var now = time.GetUtcNow();
                var next = Kinds.Select(k => calendar.Next(k, now)).Where(n => n is not null).Select(n => n!.Value).DefaultIfEmpty(now + options.Value.PollInterval).Min();
                wait = next - now < options.Value.PollInterval ? next - now : options.Value.PollInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (StorageFailures.IsUnavailable(ex))
            {
                Log.SchedulerStorageUnavailable(logger, ex);
                wait = TimeSpan.FromSeconds(30);
            }

            try
            {
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: for each schedule, start the due slot (if any) and record it as completed.</summary>
    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        // A run claimed by an instance that died before queueing it: take it over (the trigger checks the age).
        foreach (var stale in (await store.ListRunsAsync(cancellationToken)).Where(r => r.Status == ScheduledRunEntity.Claimed
            && time.GetUtcNow() - r.ClaimedAt >= options.Value.ClaimTimeout && Enum.TryParse<ScheduleKind>(r.Kind, out _)))
        {
            await trigger.TriggerAsync(Enum.Parse<ScheduleKind>(stale.Kind), stale.Slot, stale.Manual, bot.Value.TenantId, reportTo: null, cancellationToken);
        }

        foreach (var kind in Kinds)
        {
            var now = time.GetUtcNow();
            var state = await store.GetStateAsync(kind, cancellationToken);
            if (state is null)
            {
                await store.TryAdvanceAsync(kind, now, null, cancellationToken); // first start: a baseline, nothing in the past
                continue;
            }

            if (calendar.Due(kind, state.LastCompleted, now) is not { } slot)
            {
                continue;
            }

            Log.RunDue(logger, kind.ToString(), slot);
            await trigger.TriggerAsync(kind, slot, manual: false, bot.Value.TenantId, reportTo: null, cancellationToken);
            await store.TryAdvanceAsync(kind, slot, state, cancellationToken);
        }
    }
}
