namespace Consolidation.Bot.Conversations;

/// <summary>
/// What the turn handlers read and change of the stored conversation references (see
/// <see cref="ConversationReferenceStore"/>, the bot's): the seam that lets them be tested without storage.
/// </summary>
public interface IConversationReferences
{
    /// <summary>The tenant's council channel; null when none has been registered.</summary>
    Task<ConversationReference?> GetCouncilChannelAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>A channel as its install events recorded it (with the team's and channel's names); null when unknown.</summary>
    Task<ConversationReference?> GetChannelAsync(string tenantId, string channelId, CancellationToken cancellationToken);

    /// <summary>Forgets a user's 1:1 chat (the app was uninstalled: the next send must create the conversation again).</summary>
    Task DeleteUserAsync(string tenantId, string aadObjectIdOrUserId, CancellationToken cancellationToken);
}
