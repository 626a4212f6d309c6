using Consolidation.Bot.Protocol.Schema;

namespace Consolidation.Bot.Conversations;

/// <summary>
/// What the outbox's senders need of <see cref="ProactiveMessenger"/> (the bot's): a member's 1:1 conversation and a
/// message sent to it. A member the bot cannot reach surfaces as a <c>ConnectorException</c> with <c>IsUnreachable</c>.
/// </summary>
public interface IProactiveMessenger
{
    /// <summary>The member's 1:1 conversation reference: stored, or created from a team roster.</summary>
    Task<ConversationReference> FindMemberReferenceAsync(string tenantId, string? aadObjectId, string? email, CancellationToken cancellationToken);

    Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken);

    /// <summary>Sends to the user's 1:1 chat, creating the conversation first when none is stored.</summary>
    Task<ResourceResponse> SendToUserAsync(string tenantId, string aadObjectId, Activity activity, CancellationToken cancellationToken);
}
