using Consolidation.Bot.Conversations;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Protocol.Connector;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Scheduling;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Features.Reminders;

/// <summary>
/// Sends one run's message to one member at most once: claims the recipient's sent marker, builds the message from
/// fresh data (nothing to say: marked done, nothing sent), sends it to the member's 1:1 chat, marks it sent. A member
/// the bot cannot reach is logged and not retried. The council channel's post is claimed the same way, once per run
/// and channel.
/// </summary>
public sealed class RecipientSender(
    ScheduleStore store,
    ScheduleTenants tenants,
    IConversationReferences references,
    IProactiveMessenger messenger,
    IOptions<OutboxOptions> outbox,
    TimeProvider time,
    BotMetrics metrics,
    ILogger<RecipientSender> logger) : IRecipientSender
{
    /// <param name="build">The message for the member's locale, or null when there is nothing to send any more.</param>
    /// <returns>Whether the outbox message is done (false: another instance is sending it; look again later).</returns>
    public async Task<bool> SendOnceAsync(OutboxMessage message, string recipientKey, Member member, Func<string?, Activity?> build, CancellationToken cancellationToken)
    {
        var runKey = message.RunKey ?? "";
        var (claim, marker) = await store.ClaimRecipientAsync(runKey, recipientKey, time.GetUtcNow(), outbox.Value.Lease, cancellationToken);
        if (claim != RecipientClaim.Claimed)
        {
            return claim == RecipientClaim.AlreadySent;
        }

        var tenant = await tenants.ResolveAsync(message.TenantId, cancellationToken);
        if (tenant is null)
        {
            Log.ReminderUnreachable(logger, runKey, member.Email, "no tenant known");
            await store.CompleteRecipientAsync(marker!, time.GetUtcNow(), cancellationToken);
            return true;
        }

        try
        {
            var reference = await messenger.FindMemberReferenceAsync(tenant, member.AadObjectId, member.Email, cancellationToken);
            if (build(reference.Locale) is { } activity)
            {
                await messenger.SendAsync(reference, activity, cancellationToken);
                Log.ReminderSent(logger, runKey, message.Kind, member.Email);
            }
        }
        catch (ConnectorException ex) when (ex.IsUnreachable)
        {
            Log.ReminderUnreachable(logger, runKey, member.Email, ex.ErrorCode ?? ex.StatusCode.ToString());
            metrics.Unreachable(ex.ErrorCode ?? ex.StatusCode.ToString());
        }

        await store.CompleteRecipientAsync(marker!, time.GetUtcNow(), cancellationToken);
        return true;
    }

    public async Task<CouncilPost> PostToCouncilOnceAsync(OutboxMessage message, Activity activity, CancellationToken cancellationToken)
    {
        var runKey = message.RunKey ?? "";
        if (await tenants.ResolveAsync(message.TenantId, cancellationToken) is not { } tenant
            || await references.GetCouncilChannelAsync(tenant, cancellationToken) is not { } council)
        {
            return CouncilPost.NoCouncil;
        }

        var (claim, marker) = await store.ClaimRecipientAsync(runKey, "council|" + council.TenantId, time.GetUtcNow(), outbox.Value.Lease, cancellationToken);
        if (claim == RecipientClaim.InProgress)
        {
            return CouncilPost.InProgress;
        }

        if (claim == RecipientClaim.Claimed)
        {
            await messenger.SendAsync(council, activity, cancellationToken);
            await store.CompleteRecipientAsync(marker!, time.GetUtcNow(), cancellationToken);
            Log.CouncilPosted(logger, runKey, council.TenantId);
        }

        return CouncilPost.Posted;
    }
}
