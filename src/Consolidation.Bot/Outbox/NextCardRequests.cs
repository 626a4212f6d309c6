using Consolidation.Bot.Domain;
using Consolidation.Bot.Scheduling;

namespace Consolidation.Bot.Outbox;

/// <summary>
/// Asks the outbox to send these members their next card (opening a stage, reassigning, sending back): the tenant the
/// request came from, else the review's one tenant (<see cref="ScheduleTenants"/>). With no tenant to address nothing
/// is queued and the sweep sends the owed cards when it can.
/// </summary>
public sealed class NextCardRequests(OutboxClient outbox, ScheduleTenants tenants)
{
    /// <returns>False when no tenant could be addressed (nothing queued).</returns>
    public async Task<bool> QueueAsync(string reviewId, IEnumerable<string> emails, Member actor, string? tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emails);
        ArgumentNullException.ThrowIfNull(actor);
        if (await tenants.ResolveAsync(tenantId, cancellationToken) is not { } tenant)
        {
            return false;
        }

        foreach (var email in emails.Select(Member.NormalizeEmail).Distinct(StringComparer.Ordinal))
        {
            await outbox.EnqueueAsync(new OutboxMessage
            {
                Kind = OutboxMessage.NextCard,
                ReviewId = reviewId,
                TenantId = tenant,
                Email = email,
                ReportTo = actor.AadObjectId,
            }, cancellationToken);
        }

        return true;
    }
}
