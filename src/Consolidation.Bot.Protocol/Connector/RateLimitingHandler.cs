namespace Consolidation.Bot.Protocol.Connector;

/// <summary>The rate-limit key a connector request carries in <see cref="HttpRequestMessage.Options"/>.</summary>
internal sealed record RateLimitPartition(string TenantId, string ConversationKey)
{
    public static readonly HttpRequestOptionsKey<RateLimitPartition> OptionKey = new("Consolidation.Bot.Connector.RateLimit");
}

/// <summary>
/// Sits inside the retry handler (and outside the attempt timeout), so every attempt, retries included, waits for its slot in
/// <see cref="ConnectorRateLimiter"/>. Requests without a <see cref="RateLimitPartition"/> pass straight through.
/// </summary>
internal sealed class RateLimitingHandler : DelegatingHandler
{
    private readonly ConnectorRateLimiter _limiter;
    private readonly ConnectorMetrics _metrics;
    private readonly TimeProvider _time;

    public RateLimitingHandler(ConnectorRateLimiter limiter, ConnectorMetrics metrics, TimeProvider time)
    {
        _limiter = limiter;
        _metrics = metrics;
        _time = time;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(RateLimitPartition.OptionKey, out var partition))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        // The slot is held until the response (headers) arrive, then logged at that time; see ConnectorRateLimiter.
        var started = _time.GetTimestamp();
        using var lease = await _limiter.AcquireAsync(partition.TenantId, partition.ConversationKey, cancellationToken);
        _metrics.WaitedForSlot(_time.GetElapsedTime(started));
        return await base.SendAsync(request, cancellationToken);
    }
}
