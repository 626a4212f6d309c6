using Consolidation.Bot.Domain;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Scheduling;

namespace Consolidation.Bot.Review;

/// <summary>
/// The secretariat opens a stage (and every assignee with a task there is queued their first card) or closes one: the
/// same for the chat commands and the tab. The windows and task states are <see cref="StageOpeningService"/>'s.
/// </summary>
public sealed class StageAdministration(StageOpeningService opening, OutboxClient outbox, ScheduleTenants tenants)
{
    public async Task<StageOpening> OpenAsync(string reviewId, Member actor, Stage stage, IReadOnlyList<Subcommittee> subcommittees, DateTimeOffset deadline, string? tenantId, CancellationToken cancellationToken)
    {
        var opened = await opening.OpenAsync(reviewId, actor, stage, subcommittees, deadline, cancellationToken);
        // Without a tenant to address (no inbound activity, several tenants known) the sweep sends the owed cards.
        if (await tenants.ResolveAsync(tenantId, cancellationToken) is { } tenant)
        {
            foreach (var email in opened.Assignees)
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
        }

        return opened;
    }

    public Task<IReadOnlyList<Subcommittee>> CloseAsync(string reviewId, Member actor, Stage stage, IReadOnlyList<Subcommittee> subcommittees, CancellationToken cancellationToken) =>
        opening.CloseAsync(reviewId, actor, stage, subcommittees, cancellationToken);
}
