using Consolidation.Bot.Conversations;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Connector;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Routing;
using Consolidation.Bot.Routing.Commands;

namespace Consolidation.Bot.Features.Council;

/// <summary>
/// <c>register council</c> / <c>推進会議チャンネルに登録</c>, said by the secretariat in a channel with an @mention: that
/// channel becomes the tenant's council channel, where digests and escalations are posted. When the channel changes,
/// the other secretariat members are told in their 1:1 chats (who moved it, and where to).
/// </summary>
public sealed class RegisterCouncilHandler(
    IActiveReviewLoader loader,
    IConversationReferences store,
    ICouncilRegistration registration,
    TimeProvider time,
    ILogger<RegisterCouncilHandler> logger) : ITurnHandler
{
    public const string CommandName = "registerCouncil";

    public static readonly CommandDefinition Command = new(CommandName,
        ["register council", "register council channel", "推進会議チャンネルに登録", "推進会議チャンネル登録", "推進会議に登録"]);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var channel = ConversationReferenceRecorder.ReferencesIn(turn.Activity, time.GetUtcNow())
            .FirstOrDefault(r => r.Kind == ConversationKind.Channel);
        if (!turn.IsChannel || channel is null)
        {
            await turn.SendTextAsync(turn.Text[nameof(Strings.Council_OnlyInChannel)], cancellationToken);
            return null;
        }

        if (await loader.LoadForSecretariatAsync(turn, nameof(Strings.Council_NotSecretariat), cancellationToken) is not var (context, secretariat))
        {
            Log.CouncilRegistrationRefused(logger, turn.From.AadObjectId ?? turn.From.Id ?? "?");
            return null;
        }

        // Messages do not carry the team's and channel's names; the install events recorded them.
        var known = await store.GetChannelAsync(turn.TenantId, channel.ConversationId, cancellationToken);
        var council = channel with
        {
            TeamName = channel.TeamName ?? known?.TeamName,
            ChannelName = channel.ChannelName ?? known?.ChannelName,
        };
        await registration.RegisterAsync(context.ReviewId, context.Snapshot.Members, secretariat, council, turn.Text, cancellationToken);
        await turn.SendTextAsync(turn.Text.Format(nameof(Strings.Council_Registered), council.ChannelName ?? council.ConversationId), cancellationToken);
        return null;
    }
}
