using Consolidation.Bot.Domain;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Protocol.Schema;

namespace Consolidation.Bot.Features.Reminders;

/// <summary>
/// Sending one run's message to one recipient exactly once (see <see cref="RecipientSender"/>, the bot's): the seam that
/// lets the reminder, escalation and digest handlers be tested without storage or Teams.
/// </summary>
public interface IRecipientSender
{
    /// <param name="build">The message for the member's locale, or null when there is nothing to send any more.</param>
    /// <returns>Whether the outbox message is done (false: another instance is sending it; look again later).</returns>
    Task<bool> SendOnceAsync(OutboxMessage message, string recipientKey, Member member, Func<string?, Activity?> build, CancellationToken cancellationToken);

    /// <summary>Posts the run's message to its tenant's council channel, once per run and channel.</summary>
    Task<CouncilPost> PostToCouncilOnceAsync(OutboxMessage message, Activity activity, CancellationToken cancellationToken);
}

/// <summary>What became of a run's post to the council channel.</summary>
public enum CouncilPost
{
    /// <summary>Posted now, or by an earlier delivery of the same run.</summary>
    Posted,

    /// <summary>Another instance claimed the post within the lease: look again later.</summary>
    InProgress,

    /// <summary>No council channel is registered for the run's tenant: nothing posted.</summary>
    NoCouncil,
}
