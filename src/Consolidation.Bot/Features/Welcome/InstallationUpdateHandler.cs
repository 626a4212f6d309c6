using Consolidation.Bot.Cards;
using Consolidation.Bot.Conversations;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Routing;

namespace Consolidation.Bot.Features.Welcome;

/// <summary>
/// <c>installationUpdate</c>: on install in a personal chat, greet with the welcome card; in a team, explain how to
/// register the council channel. On removal from a personal scope, the user's stored reference is deleted.
/// </summary>
public sealed class InstallationUpdateHandler(IConversationReferences store) : ITurnHandler
{
    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Action is "remove" && turn.IsPersonal)
        {
            // The 1:1 chat is gone with the app: the next proactive send must install/create it again.
            await store.DeleteUserAsync(turn.TenantId, turn.From.AadObjectId ?? turn.From.Id ?? "", cancellationToken);
            return null;
        }

        if (turn.Activity.Action is not ("add" or "add-upgrade"))
        {
            return null;
        }

        if (turn.IsPersonal)
        {
            await turn.SendAsync(turn.CreateReply(null, CardAttachment.From(WelcomeCard.Build(turn.Text))), cancellationToken);
        }
        else if (turn.IsChannel)
        {
            await turn.SendTextAsync(turn.Text[nameof(Strings.Welcome_TeamBody)], cancellationToken);
        }

        return null;
    }
}
