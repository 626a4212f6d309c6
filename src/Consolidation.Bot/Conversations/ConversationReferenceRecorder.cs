using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.Conversations;

/// <summary>
/// Keeps conversation references current from inbound traffic (install, conversationUpdate, every message):
/// a user's 1:1 chat, and for channel traffic the team and the channel. A storage failure here is logged and
/// does not fail the turn.
/// </summary>
public sealed class ConversationReferenceRecorder(ConversationReferenceStore store, TimeProvider time, ILogger<ConversationReferenceRecorder> logger)
{
    public async Task RecordAsync(Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var reference in ReferencesIn(activity, time.GetUtcNow()))
            {
                if (await store.UpsertIfChangedAsync(reference, cancellationToken))
                {
                    Log.ReferenceRecorded(logger, reference.Kind.ToString(), reference.ConversationId);
                }
            }
        }
        catch (Exception ex) when (StorageFailures.IsStorageFailure(ex))
        {
            Log.ReferenceRecordFailed(logger, ex);
        }
    }

    /// <summary>The references an activity reveals (pure; used by tests too).</summary>
    public static IEnumerable<ConversationReference> ReferencesIn(Activity activity, DateTimeOffset now)
    {
        var tenantId = ActivityTenant.TenantIdOf(activity);
        var serviceUrl = activity.ServiceUrl;
        var conversationId = activity.Conversation?.Id;
        var uninstall = activity.Type == ActivityTypes.InstallationUpdate && activity.Action?.StartsWith("remove", StringComparison.Ordinal) == true;
        if (uninstall || string.IsNullOrEmpty(tenantId) || string.IsNullOrEmpty(serviceUrl) || string.IsNullOrEmpty(conversationId))
        {
            yield break;
        }

        var type = activity.Conversation?.ConversationType ?? ConversationTypes.Personal;
        if (type == ConversationTypes.Personal && activity.From?.Id is { } userId && !IsBot(activity, userId))
        {
            yield return new ConversationReference
            {
                TenantId = tenantId,
                Kind = ConversationKind.User,
                ConversationId = conversationId,
                ServiceUrl = serviceUrl,
                BotId = activity.Recipient?.Id,
                BotName = activity.Recipient?.Name,
                UserId = userId,
                AadObjectId = activity.From.AadObjectId,
                UserName = activity.From.Name,
                Locale = activity.Locale,
                UpdatedAt = now,
            };
        }
        else if (type == ConversationTypes.Channel && activity.ChannelData?.Team is { Id: { } teamId } team)
        {
            var channelId = activity.ChannelData.Channel?.Id ?? BaseConversationId(conversationId);
            var common = new ConversationReference
            {
                TenantId = tenantId,
                Kind = ConversationKind.Team,
                ConversationId = teamId,
                ServiceUrl = serviceUrl,
                BotId = activity.Recipient?.Id,
                BotName = activity.Recipient?.Name,
                TeamId = teamId,
                TeamName = team.Name,
                UpdatedAt = now,
            };
            yield return common;
            yield return common with
            {
                Kind = ConversationKind.Channel,
                ConversationId = channelId,
                ChannelId = channelId,
                ChannelName = activity.ChannelData.Channel?.Name,
            };
        }
    }

    /// <summary>A channel thread's conversation id carries <c>;messageid=…</c>; the channel's own id is before it.</summary>
    public static string BaseConversationId(string conversationId)
    {
        var index = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return index < 0 ? conversationId : conversationId[..index];
    }

    private static bool IsBot(Activity activity, string fromId) => fromId == activity.Recipient?.Id;
}
