namespace Consolidation.Bot.Protocol.Connector;

/// <summary>The rate-limit key a connector request carries in <see cref="HttpRequestMessage.Options"/>.</summary>
internal sealed record RateLimitPartition(string TenantId, string ConversationKey)
{
    public static readonly HttpRequestOptionsKey<RateLimitPartition> OptionKey = new("Consolidation.Bot.Connector.RateLimit");
}

/// <summary>
/// Sits inside the retry handler (and outside the attempt timeout), so every attempt, retries included, waits for its slot in
/// <see cref="ConnectorRateLimiter"/>, and, when the tenant's budget is shared by several instances, for a grant of the
/// <see cref="ISharedSendBudget"/>. Requests without a <see cref="RateLimitPartition"/> pass straight through.
/// </summary>
internal sealed class RateLimitingHandler : DelegatingHandler
{
    private readonly ConnectorRateLimiter _limiter;
    private readonly ConnectorMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ISharedSendBudget? _budget;

    public RateLimitingHandler(ConnectorRateLimiter limiter, ConnectorMetrics metrics, TimeProvider time, ISharedSendBudget? budget = null)
    {
        _limiter = limiter;
        _metrics = metrics;
        _time = time;
        _budget = budget;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(RateLimitPartition.OptionKey, out var partition))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        // The slot is held until the response (headers) arrive, then logged at that time; see ConnectorRateLimiter.
        var started = _time.GetTimestamp();
        using var lease = await _limiter.AcquireAsync(partition.TenantId, partition.ConversationKey, cancellationToken, tenantWindow: _budget is null);
        if (_budget is null)
        {
            _metrics.WaitedForSlot(_time.GetElapsedTime(started));
            return await base.SendAsync(request, cancellationToken);
        }

        var grant = await WaitForGrantAsync(_budget, partition, cancellationToken);
        _metrics.WaitedForSlot(_time.GetElapsedTime(started));
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            _budget.Settle(partition.TenantId, partition.ConversationKey, grant, _time.GetUtcNow());
        }
    }

    /// <summary>Waits for a grant of the shared budget and starts within its tolerance; a grant missed (a stalled thread) is given up, never used late.</summary>
    private async Task<DateTimeOffset> WaitForGrantAsync(ISharedSendBudget budget, RateLimitPartition partition, CancellationToken cancellationToken)
    {
        while (true)
        {
            var grant = await budget.ReserveAsync(partition.TenantId, partition.ConversationKey, cancellationToken);
            try
            {
                // A timer may fire a little before the clock reads the grant's time: never start early.
                for (var wait = grant - _time.GetUtcNow(); wait > TimeSpan.Zero; wait = grant - _time.GetUtcNow())
                {
                    await Task.Delay(wait, _time, cancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
                budget.Release(partition.TenantId, partition.ConversationKey, grant);
                throw;
            }

            if (_time.GetUtcNow() <= grant + budget.Tolerance)
            {
                return grant;
            }

            budget.Release(partition.TenantId, partition.ConversationKey, grant);
            _metrics.GrantMissed();
        }
    }
}
