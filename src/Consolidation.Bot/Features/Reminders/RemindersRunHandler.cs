using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Scheduling;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Features.Reminders;

/// <summary>
/// Outbox handler of a reminder run: works out who is reminded of what at the run's slot (<see cref="ReminderPlan"/>) and
/// queues one message per member and per lead. Queued twice (a redelivery), each recipient still gets one message: the
/// per-recipient handlers claim a sent marker first.
/// </summary>
public sealed class RemindersRunHandler(
    IReviewSnapshots reviews,
    IScheduledRuns runs,
    ScheduleCalendar calendar,
    IOutboxWriter outbox,
    IOptions<ScheduleOptions> options,
    TimeProvider time,
    ILogger<RemindersRunHandler> logger) : IOutboxHandler
{
    public string Kind => OutboxMessage.Reminders;

    public async Task<bool> HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var runKey = message.RunKey ?? "";
        var run = await runs.GetRunAsync(runKey, cancellationToken);
        var snapshot = run is null || run.Status == ScheduledRunEntity.Done ? null : await reviews.LoadAsync(message.ReviewId, cancellationToken);
        if (run is null || snapshot is null)
        {
            return true;
        }

        var (reminders, escalations) = ReminderPlan.For(message.Slot ?? run.Slot, message.Manual == true, snapshot.Tasks, snapshot.Windows,
            snapshot.Members, calendar, options.Value.EffectiveReminderDaysBefore);
        foreach (var reminder in reminders)
        {
            await outbox.EnqueueAsync(message with { Kind = OutboxMessage.Reminder, Email = reminder.Email }, cancellationToken);
        }

        foreach (var escalation in escalations)
        {
            await outbox.EnqueueAsync(message with { Kind = OutboxMessage.Escalation, Email = escalation.LeadEmail, Subcommittee = escalation.Subcommittee.ToString() }, cancellationToken);
        }

        Log.RemindersQueued(logger, runKey, reminders.Count, escalations.Count);
        await runs.TryCompleteRunAsync(run, time.GetUtcNow(), figures: null, cancellationToken);
        return true;
    }
}
