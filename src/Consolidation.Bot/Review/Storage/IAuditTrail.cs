using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Review.Storage;

/// <summary>Appending to the review's audit trail (see <see cref="AuditLog"/>, the bot's, which also reads it back).</summary>
public interface IAuditTrail
{
    Task AppendAsync(string reviewId, AuditEntry entry, CancellationToken cancellationToken);
}
