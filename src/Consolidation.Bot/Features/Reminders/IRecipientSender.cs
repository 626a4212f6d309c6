using Consolidation.Bot.Domain;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Protocol.Schema;

namespace Consolidation.Bot.Features.Reminders;

/// <summary>
/// Sending one run's message to one recipient exactly once (see <see cref="RecipientSender"/>, the bot's): the seam that
/// lets the reminder and escalation handlers be tested without storage or Teams.
/// </summary>
public interface IRecipientSender
{
    /// <param name="build">The message for the member's locale, or null when there is nothing to send any more.</param>
    /// <returns>Whether the outbox message is done (false: another instance is sending it; look again later).</returns>
    Task<bool> SendOnceAsync(OutboxMessage message, string recipientKey, Member member, Func<string?, Activity?> build, CancellationToken cancellationToken);
}
