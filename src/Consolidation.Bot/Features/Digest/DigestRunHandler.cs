using System.Text.Json;
using Consolidation.Bot.Cards;
using Consolidation.Bot.Cards.Digest;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Features.Reminders;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Scheduling;

namespace Consolidation.Bot.Features.Digest;

/// <summary>
/// Outbox handler of a digest run: builds the digest from the whole review and posts it to the council channel, once per
/// run and channel, sends it to each member of the overall summing-up (全体総括) in 1:1, once each (both through
/// <see cref="IRecipientSender"/>), then keeps its figures for the next digest's "since the last digest".
/// </summary>
public sealed class DigestRunHandler(
    IReviewSnapshots reviews,
    IScheduledRuns runs,
    IRecipientSender recipients,
    ScheduleTexts texts,
    IThemeDirections themes,
    TimeProvider time,
    ILogger<DigestRunHandler> logger) : IOutboxHandler
{
    public string Kind => OutboxMessage.Digest;

    public async Task<bool> HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var runKey = message.RunKey ?? "";
        var run = await runs.GetRunAsync(runKey, cancellationToken);
        if (run is null || run.Status == ScheduledRunEntity.Done)
        {
            return true;
        }

        var snapshot = await reviews.LoadAsync(message.ReviewId, cancellationToken);
        if (snapshot is null)
        {
            return true;
        }

        var now = time.GetUtcNow();
        var previousJson = await runs.GetLastDigestFiguresAsync(cancellationToken);
        var previous = previousJson is null ? null : JsonSerializer.Deserialize(previousJson, DigestJsonContext.Default.DigestFigures);
        var model = DigestComposer.Compose(snapshot, now, texts.Zone, previous, texts.ForDigest(), await themes.ListAsync(snapshot.ReviewId, cancellationToken));
        var card = DigestCard.Build(model);

        var council = await recipients.PostToCouncilOnceAsync(message, new Activity { Type = ActivityTypes.Message, Attachments = [CardAttachment.From(card)] }, cancellationToken);
        if (council == CouncilPost.InProgress)
        {
            return false; // another instance is posting it: look again after the lease
        }

        if (council == CouncilPost.NoCouncil)
        {
            Log.DigestNoCouncil(logger, runKey);
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

        // "Since the last digest" counts from the last one the council saw: a run with no channel leaves it where it was.
        var figures = JsonSerializer.Serialize(model.Current, DigestJsonContext.Default.DigestFigures);
        if (council == CouncilPost.Posted)
        {
            await runs.SetLastDigestFiguresAsync(figures, now, cancellationToken);
        }

        await runs.TryCompleteRunAsync(run, time.GetUtcNow(), figures, cancellationToken);
        return true;
    }
}
