namespace Consolidation.Bot.Protocol.Connector;

/// <summary>
/// The Teams budget of a tenant shared by every instance of the bot (Teams counts the app's requests per tenant, not per
/// process). Each send asks for a grant: a time at which it may start, fitting the tenant's and the conversation's
/// limits together with every grant other instances hold. When registered, <see cref="RateLimitingHandler"/> waits for a
/// grant instead of keeping the tenant window alone; the per-conversation windows are kept locally as well.
/// </summary>
public interface ISharedSendBudget
{
    /// <summary>How late a send may start after its grant; later, the grant is given up and another asked for.</summary>
    TimeSpan Tolerance { get; }

    /// <summary>The time at which one send to <paramref name="conversationKey"/> may start.</summary>
    ValueTask<DateTimeOffset> ReserveAsync(string tenantId, string conversationKey, CancellationToken cancellationToken);

    /// <summary>
    /// The send granted at <paramref name="grant"/> has its answer (or failed) at <paramref name="completedAt"/>: it cannot
    /// have reached Teams later, so its window can be counted from there instead of from the grant's widest bound.
    /// </summary>
    void Settle(string tenantId, string conversationKey, DateTimeOffset grant, DateTimeOffset completedAt);

    /// <summary>The grant was missed (the send could not start in time) and will not be used: its time goes back to the budget.</summary>
    void Release(string tenantId, string conversationKey, DateTimeOffset grant);
}
