namespace Consolidation.Bot.Outbox;

/// <summary>Queuing work on the outbox (see <see cref="OutboxClient"/>, the bot's, which also receives and completes it).</summary>
public interface IOutboxWriter
{
    /// <summary>Queues the message on its tenant's queue.</summary>
    Task EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken);
}
