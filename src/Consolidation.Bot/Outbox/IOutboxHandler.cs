namespace Consolidation.Bot.Outbox;

/// <summary>
/// Handles one kind of outbox message. Must be idempotent: a message can be handled twice after a crash
/// (it checks what was already done before doing it again).
/// </summary>
public interface IOutboxHandler
{
    string Kind { get; }

    /// <returns>true when the message is done (delete it); false to let it come back later.</returns>
    Task<bool> HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}
