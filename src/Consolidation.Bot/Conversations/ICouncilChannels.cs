namespace Consolidation.Bot.Conversations;

/// <summary>
/// Where the tenant's council channel is (see <see cref="ConversationReferenceStore"/>, the bot's): the seam that lets
/// the commands that post there be tested without storage.
/// </summary>
public interface ICouncilChannels
{
    /// <summary>The tenant's council channel; null when none has been registered.</summary>
    Task<ConversationReference?> GetCouncilChannelAsync(string tenantId, CancellationToken cancellationToken);
}
