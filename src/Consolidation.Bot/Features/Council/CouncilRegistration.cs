using Consolidation.Bot.Conversations;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Connector;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.Features.Council;

/// <summary>
/// Makes a channel the tenant's council channel (digests and escalations go there), the same from the chat command
/// and the tab: the secretariat only; written to the review's audit trail; when the channel changes, the other
/// secretariat members are told in their 1:1 chats who moved it and where to (best effort).
/// </summary>
public sealed class CouncilRegistration(ConversationReferenceStore store, ProactiveMessenger messenger, AuditLog audit, TimeProvider time, ILogger<CouncilRegistration> logger)
    : ICouncilRegistration
{
    /// <returns>False (nothing changed) when <paramref name="by"/> is not the secretariat.</returns>
    public async Task<bool> RegisterAsync(string reviewId, IEnumerable<Member> members, Member by, ConversationReference channel, BotText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(channel);
        if (!by.IsSecretariat)
        {
            return false;
        }

        var previous = await store.GetCouncilChannelAsync(channel.TenantId, cancellationToken);
        await store.SetCouncilChannelAsync(channel, cancellationToken);
        Log.CouncilRegistered(logger, channel.ConversationId, channel.TeamId, by.AadObjectId ?? "?");
        await audit.AppendAsync(reviewId, new AuditEntry(AuditKind.CouncilRegistered, by.Email, time.GetUtcNow(),
            $"{channel.TeamName ?? "?"} / {channel.ChannelName ?? channel.ConversationId}"), cancellationToken);
        if (previous?.ConversationId != channel.ConversationId)
        {
            await TellOtherSecretariatAsync(channel, members, by, text, cancellationToken);
        }

        return true;
    }

    /// <summary>Best effort: a member who cannot be reached is logged; the registration stands.</summary>
    private async Task TellOtherSecretariatAsync(ConversationReference council, IEnumerable<Member> members, Member by, BotText text, CancellationToken cancellationToken)
    {
        var notice = text.Format(nameof(Strings.Council_ChangedNotice), council.ChannelName ?? council.ConversationId, by.Name);
        foreach (var other in members.Where(m => m.IsSecretariat && m.AadObjectId is not null && m.AadObjectId != by.AadObjectId))
        {
            try
            {
                await messenger.SendToUserAsync(council.TenantId, other.AadObjectId!, new Activity { Type = ActivityTypes.Message, Text = notice, TextFormat = "plain" }, cancellationToken);
            }
            catch (ConnectorException ex)
            {
                Log.CouncilNoticeNotDelivered(logger, other.AadObjectId!, ex.StatusCode, ex.ErrorCode);
            }
        }
    }
}
