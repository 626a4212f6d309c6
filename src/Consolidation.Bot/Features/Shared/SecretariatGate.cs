using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Routing;

namespace Consolidation.Bot.Features;

/// <summary>
/// The one check in front of every secretariat command: a review is loaded and the sender, found by the Entra object
/// id of the turn (never the display name), is of the secretariat. Otherwise the turn is answered and null returned.
/// </summary>
public static class SecretariatGate
{
    public static async Task<(ActiveReviewContext Context, Member Secretariat)?> CheckAsync(
        TurnContext turn, ActiveReviewContext? context, string refusalKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (context is null)
        {
            await turn.SendTextAsync(turn.Text[nameof(Strings.Review_NotLoaded)], cancellationToken);
            return null;
        }

        if (context.Sender is not { IsSecretariat: true } secretariat)
        {
            await turn.SendTextAsync(turn.Text[refusalKey], cancellationToken);
            return null;
        }

        return (context, secretariat);
    }
}
