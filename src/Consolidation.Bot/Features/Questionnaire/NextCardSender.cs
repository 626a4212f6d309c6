using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Conversations;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Protocol.Connector;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Features.Questionnaire;

/// <summary>
/// Outbox handler: sends a member their next questionnaire card (one task, or a プレWG batch card: see <see cref="NextCard"/>),
/// one card at a time. Idempotent through the member's
/// cursor: a card still waiting for an answer is not followed by another, and a card already sent is not sent again.
/// A member the bot cannot reach (403/404, not in any roster) is recorded, the secretariat is told, and the message
/// is done (not retried forever).
/// </summary>
public sealed class NextCardSender(
    IReviewSnapshots reviews,
    IMemberCursors cursors,
    IProactiveMessenger messenger,
    QuestionnaireComposer composer,
    SentCardFinder finder,
    IAuditTrail audit,
    IOptions<OutboxOptions> outbox,
    TimeProvider time,
    BotMetrics metrics,
    ILogger<NextCardSender> logger) : IOutboxHandler
{
    public string Kind => OutboxMessage.NextCard;

    public async Task<bool> HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var snapshot = await reviews.LoadForMemberAsync(message.ReviewId, message.Email, cancellationToken);
        var member = snapshot?.MemberByEmail(message.Email);
        if (snapshot is null || member is null)
        {
            return true;
        }

        var open = QuestionnaireComposer.OpenTasksOf(snapshot, member.Email);
        var awaiting = ReviewQueries.AwaitingBureauView(snapshot.Tasks, snapshot.Windows, member);
        var cursor = await cursors.GetAsync(message.ReviewId, member.Email, cancellationToken);
        var now = time.GetUtcNow();
        if (cursor is not null && OwedCards.StillOpen(cursor, open, awaiting))
        {
            if (cursor.Status == MemberCursorEntity.Sent)
            {
                return true; // one card at a time: the one in hand is still unanswered
            }

            if (now - cursor.At < outbox.Value.Lease)
            {
                return false; // another worker is sending it right now; look again after the lease
            }

            return await ResumeAbandonedAsync(message, snapshot, member, InHand(cursor, open, awaiting), cursor, now, cancellationToken);
        }

        var next = NextCard.For(snapshot, open, awaiting);
        return next is null || await SendAsync(message, snapshot, member, next, cursor, now, cancellationToken);
    }

    /// <summary>The card the cursor names, rebuilt from the open tasks (the same rows, in the same order).</summary>
    private static NextCard InHand(MemberCursorEntity cursor, IReadOnlyList<ReviewTask> open, IReadOnlyList<ReviewTask> awaiting) =>
        cursor.Kind == NextCard.BureauKind ? new NextCard([awaiting.First(t => t.Id == cursor.TaskId)], NextCardKind.BureauView)
        : cursor.Batch is { } batch && BatchCardFields.ParseTasks(batch) is { } rows
            ? new NextCard([.. rows.Select(r => open.First(t => t.Id == r.TaskId))], NextCardKind.Batch)
            : new NextCard([open.First(t => t.Id == cursor.TaskId)], NextCardKind.Task);

    /// <summary>
    /// A claim nobody recorded as sent: the card may be in the chat already (the sender died after Teams accepted it).
    /// Recorded as sent when the chat shows it, else sent (again).
    /// </summary>
    private async Task<bool> ResumeAbandonedAsync(OutboxMessage message, ReviewSnapshot snapshot, Member member, NextCard card, MemberCursorEntity cursor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var check = await finder.FindAsync(member, card.IsTheCard, card.First.Id, cursor.At, cancellationToken);
        if (check.MessageId is { } messageId)
        {
            var recorded = await cursors.TrySaveAsync(message.ReviewId, Cursor(member, card, MemberCursorEntity.Sent, cursor.At, messageId), cursor.ETag, cancellationToken);
            if (recorded is not null)
            {
                Log.AbandonedSendFound(logger, card.First.Id, member.Email, messageId);
            }

            return recorded is not null;
        }

        if (!check.Known)
        {
            Log.AbandonedSendRepeated(logger, card.First.Id, member.Email);
        }

        return await SendAsync(message, snapshot, member, card, cursor, now, cancellationToken);
    }

    private async Task<bool> SendAsync(OutboxMessage message, ReviewSnapshot snapshot, Member member, NextCard card, MemberCursorEntity? cursor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = await cursors.TrySaveAsync(message.ReviewId, Cursor(member, card, MemberCursorEntity.Sending, now), cursor?.ETag, cancellationToken);
        if (claim is null)
        {
            return false;
        }

        try
        {
            var reference = await messenger.FindMemberReferenceAsync(message.TenantId, member.AadObjectId, member.Email, cancellationToken);
            var attachment = card.Kind switch
            {
                NextCardKind.Batch => composer.BatchAttachment(snapshot, card.Tasks, member, reference.Locale),
                NextCardKind.BureauView => composer.BureauViewAttachment(snapshot, card.First, reference.Locale),
                _ => composer.QuestionnaireAttachment(snapshot, card.First, member, reference.UserId, reference.Locale),
            };
            var sent = await messenger.SendAsync(reference, new Activity { Type = ActivityTypes.Message, Attachments = [attachment] }, cancellationToken);
            claim.Status = MemberCursorEntity.Sent;
            claim.ActivityId = sent.Id;
            claim.ConversationId = reference.ConversationId;
            await cursors.TrySaveAsync(message.ReviewId, claim, claim.ETag, cancellationToken);
            Log.CardSent(logger, card.First.Id, member.Email);
            metrics.CardSent();
            return true;
        }
        catch (ConnectorException ex) when (ex.IsUnreachable)
        {
            Log.MemberUnreachable(logger, member.Email, ex.ErrorCode ?? ex.StatusCode.ToString());
            metrics.Unreachable(ex.ErrorCode ?? ex.StatusCode.ToString());
            if (await cursors.RecordUnreachableAsync(message.ReviewId, member.Email, ex.ErrorCode ?? ex.StatusCode.ToString(), now, cancellationToken))
            {
                await audit.AppendAsync(message.ReviewId, new AuditEntry(AuditKind.MemberUnreachable, AuditEntry.System, now,
                    $"{member.Name}（{member.Email}）: {ex.ErrorCode ?? ex.StatusCode.ToString()}"), cancellationToken);
            }

            await ReportAsync(message, member, ex.ErrorCode ?? ex.StatusCode.ToString(), cancellationToken);
            return true;
        }
    }

    private static MemberCursorEntity Cursor(Member member, NextCard card, string status, DateTimeOffset at, string? activityId = null) => new()
    {
        Email = member.Email,
        TaskId = card.First.Id,
        // A bureau view card belongs to the task's round, not its version (the 担当区長's answer moves the version).
        TaskVersion = card.Kind == NextCardKind.BureauView ? card.First.State.Round : card.First.State.Version,
        Batch = card.BatchValue,
        Kind = card.Kind == NextCardKind.BureauView ? NextCard.BureauKind : null,
        Status = status,
        ActivityId = activityId,
        At = at,
    };

    private async Task ReportAsync(OutboxMessage message, Member member, string reason, CancellationToken cancellationToken)
    {
        if (message.ReportTo is null)
        {
            return;
        }

        try
        {
            var text = composer.UnreachableText(member, reason);
            await messenger.SendToUserAsync(message.TenantId, message.ReportTo, new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = "plain" }, cancellationToken);
        }
        catch (ConnectorException ex)
        {
            Log.ReplyFailed(logger, ex);
        }
    }
}
