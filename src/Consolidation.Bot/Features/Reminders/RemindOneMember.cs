using Consolidation.Bot.Domain;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Scheduling;

namespace Consolidation.Bot.Features.Reminders;

/// <summary>
/// The secretariat reminds one member now (the tab's "remind" beside a ward head with unanswered tasks): the same
/// reminder card and exactly-once sending as the scheduled and "remind now" runs (<see cref="ReminderHandler"/>), as a
/// manual run of its own per member and second, so a double click sends once.
/// </summary>
public sealed class RemindOneMember(OutboxClient outbox, ScheduleTenants tenants, TimeProvider time)
{
    /// <summary>False when the actor is not the secretariat or no tenant can be addressed (nothing queued).</summary>
    public async Task<bool> QueueAsync(string reviewId, Member actor, string email, string? tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsSecretariat || await tenants.ResolveAsync(tenantId, cancellationToken) is not { } tenant)
        {
            return false;
        }

        var slot = ScheduledRunTrigger.ManualSlot(time.GetUtcNow());
        await outbox.EnqueueAsync(new OutboxMessage
        {
            Kind = OutboxMessage.Reminder,
            ReviewId = reviewId,
            TenantId = tenant,
            Email = Member.NormalizeEmail(email),
            RunKey = ScheduleStore.RunKey(ScheduleKind.Reminders, slot, manual: true) + "|" + Member.NormalizeEmail(email),
            Slot = slot,
            Manual = true,
            ReportTo = actor.AadObjectId,
        }, cancellationToken);
        return true;
    }
}
