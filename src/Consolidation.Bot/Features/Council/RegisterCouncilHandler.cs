using Consolidation.Bot.Conversations;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Routing;
using Consolidation.Bot.Routing.Commands;

namespace Consolidation.Bot.Features.Council;

/// <summary>
/// <c>register council</c> / <c>推進会議チャンネルに登録</c>, said in a channel with an @mention: that channel becomes
/// the tenant's council channel, where digests and escalations are posted.
/// </summary>
public sealed class RegisterCouncilHandler(ConversationReferenceStore store, TimeProvider time, ILogger<RegisterCouncilHandler> logger) : ITurnHandler
{
    public const string CommandName = "registerCouncil";

    public static readonly CommandDefinition Command = new(CommandName,
        ["register council", "register council channel", "推進会議チャンネルに登録", "推進会議チャンネル登録", "推進会議に登録"]);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var channelData = turn.Activity.ChannelData;
        if (!turn.IsChannel || channelData?.Team?.Id is not { } teamId)
        {
            await turn.SendTextAsync(turn.Text[nameof(Strings.Council_OnlyInChannel)], cancellationToken);
            return null;
        }

        var channelId = channelData.Channel?.Id ?? ConversationReferenceRecorder.BaseConversationId(turn.Address.ConversationId);
        var known = await store.GetChannelAsync(turn.TenantId, channelId, cancellationToken);
        var council = new ConversationReference
        {
            TenantId = turn.TenantId,
            Kind = ConversationKind.Channel,
            ConversationId = channelId,
            ServiceUrl = turn.Address.ServiceUrl,
            BotId = turn.Activity.Recipient?.Id,
            BotName = turn.Activity.Recipient?.Name,
            TeamId = teamId,
            TeamName = channelData.Team.Name ?? known?.TeamName,
            ChannelId = channelId,
            ChannelName = channelData.Channel?.Name ?? known?.ChannelName,
            UpdatedAt = time.GetUtcNow(),
        };
        await store.SetCouncilChannelAsync(council, cancellationToken);
        Log.CouncilRegistered(logger, channelId, teamId, turn.From.AadObjectId ?? turn.From.Id);

        await turn.SendTextAsync(turn.Text.Format(nameof(Strings.Council_Registered), council.ChannelName ?? channelId), cancellationToken);
        return null;
    }
}
