using System.Text.Json;
using Consolidation.Bot.Cards;
using Consolidation.Bot.Cards.Digest;
using Consolidation.Bot.Conversations;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Features.Reminders;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Scheduling;

namespace Consolidation.Bot.Features.Digest;

/// <summary>
/// Outbox handler of a digest run: builds the digest from the whole review and posts it to the council channel, once per
/// run and channel (a sent marker per channel), sends it to each member of the overall summing-up (全体総括) in 1:1, once
/// each, then keeps its figures for the next digest's "since the last digest".
/// </summary>
public sealed class DigestRunHandler(
    ReviewRepository repository,
    ScheduleStore store,
    ScheduleTenants tenants,
    ScheduleTexts texts,
    ConversationReferenceStore references,
    ProactiveMessenger messenger,
    RecipientSender recipients,
    IThemeDirections themes,
    Microsoft.Extensions.Options.IOptions<OutboxOptions> outbox,
    TimeProvider time,
    ILogger<DigestRunHandler> logger) : IOutboxHandler
{
    public string Kind => OutboxMessage.Digest;

    public async Task<bool> HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var runKey = message.RunKey ?? "";
        var run = await store.GetRunAsync(runKey, cancellationToken);
        if (run is null || run.Status == ScheduledRunEntity.Done)
        {
            return true;
        }

        var snapshot = await repository.LoadAsync(message.ReviewId, cancellationToken);
        if (snapshot is null)
        {
            return true;
        }

        var now = time.GetUtcNow();
        var previousJson = await store.GetLastDigestFiguresAsync(cancellationToken);
        var previous = previousJson is null ? null : JsonSerializer.Deserialize(previousJson, DigestJsonContext.Default.DigestFigures);
        var model = DigestComposer.Compose(snapshot, now, texts.Zone, previous, texts.ForDigest(), await themes.ListAsync(snapshot.ReviewId, cancellationToken));
        var card = DigestCard.Build(model);

        var channels = new List<ConversationReference>();
        if (await tenants.ResolveAsync(message.TenantId, cancellationToken) is { } tenant
            && await references.GetCouncilChannelAsync(tenant, cancellationToken) is { } council)
        {
            channels.Add(council);
        }

        if (channels.Count == 0)
        {
            Log.DigestNoCouncil(logger, runKey);
        }

        foreach (var channel in channels)
        {
            var (claim, marker) = await store.ClaimRecipientAsync(runKey, "council|" + channel.TenantId, now, outbox.Value.Lease, cancellationToken);
            if (claim == RecipientClaim.InProgress)
            {
                return false;
            }

            if (claim == RecipientClaim.Claimed)
            {
                await messenger.SendAsync(channel, new Activity { Type = ActivityTypes.Message, Attachments = [CardAttachment.From(card)] }, cancellationToken);
                await store.CompleteRecipientAsync(marker!, time.GetUtcNow(), cancellationToken);
                Log.DigestPosted(logger, runKey, channel.TenantId);
            }
        }

        foreach (var member in snapshot.Members.Where(m => m.HasRole(Domain.MemberRole.Overview)).OrderBy(m => m.Email, StringComparer.Ordinal))
        {
            var done = await recipients.SendOnceAsync(message, "overview|" + member.Email, member,
                _ => new Activity { Type = ActivityTypes.Message, Attachments = [CardAttachment.From(card)] }, cancellationToken);
            if (!done)
            {
                return false; // another instance is sending it: look again after the lease
            }
        }

        var figures = JsonSerializer.Serialize(model.Current, DigestJsonContext.Default.DigestFigures);
        if (channels.Count > 0)
        {
            await store.SetLastDigestFiguresAsync(figures, now, cancellationToken);
        }

        run.Status = ScheduledRunEntity.Done;
        run.DoneAt = time.GetUtcNow();
        run.Figures = figures;
        await store.TryReplaceAsync(run, cancellationToken);
        return true;
    }
}
