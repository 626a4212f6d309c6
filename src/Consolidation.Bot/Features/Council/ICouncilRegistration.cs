using Consolidation.Bot.Conversations;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Features.Council;

/// <summary>
/// Making a channel the tenant's council channel (see <see cref="CouncilRegistration"/>, the bot's): the seam that lets
/// the chat command and the tab be tested without storage or Teams.
/// </summary>
public interface ICouncilRegistration
{
    /// <returns>False (nothing changed) when <paramref name="by"/> is not the secretariat.</returns>
    Task<bool> RegisterAsync(string reviewId, IEnumerable<Member> members, Member by, ConversationReference channel, BotText text, CancellationToken cancellationToken);
}
