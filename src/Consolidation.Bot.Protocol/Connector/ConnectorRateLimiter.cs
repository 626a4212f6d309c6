using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Protocol.Connector;

/// <summary>
/// Precise sliding-log limiter that keeps outbound sends under the Teams limits before Teams throttles:
/// per conversation (7/1 s, 8/2 s, 60/30 s) and per tenant (50/1 s), each window widened by a safety margin.
/// An operation occupies its slot from the grant until its lease is disposed (response received) and is then
/// logged at that completion time: the server cannot have received it later, so network latency or a stall
/// between grant and send can never squeeze operations closer together on the server than the limits allow.
/// One instance per app (singleton); keys idle for longer than the longest window are pruned.
/// </summary>
public sealed class ConnectorRateLimiter
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SlidingWindowLog> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SlidingWindowLog> _tenants = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<SlidingWindowLimit> _conversationLimits;
    private readonly IReadOnlyList<SlidingWindowLimit> _tenantLimits;
    private readonly TimeSpan _margin;
    private readonly TimeSpan _longestWindow;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ConnectorRateLimiter> _logger;
    private readonly long _origin;
    private TimeSpan _lastPrune;

    public ConnectorRateLimiter(IOptions<ConnectorOptions> options, TimeProvider timeProvider, ILogger<ConnectorRateLimiter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _conversationLimits = value.ConversationLimits;
        _tenantLimits = value.TenantLimits;
        _margin = value.RateLimitSafetyMargin;
        _longestWindow = _conversationLimits.Concat(_tenantLimits).Max(l => l.Window) + _margin;
        _timeProvider = timeProvider;
        _logger = logger;
        _origin = timeProvider.GetTimestamp();
    }

    /// <summary>Number of keys (conversations and tenants) currently tracked.</summary>
    internal int TrackedKeyCount
    {
        get
        {
            lock (_gate)
            {
                return _conversations.Count + _tenants.Count;
            }
        }
    }

    /// <summary>
    /// Waits (on the injected <see cref="TimeProvider"/>) until one more operation fits every limit and starts it.
    /// Dispose the lease once the response has arrived (or the attempt failed).
    /// </summary>
    /// <param name="tenantId">Tenant of the conversation (global per-app-per-tenant limit).</param>
    /// <param name="conversationKey">The conversation id, or another key for the thread being written to.</param>
    /// <param name="tenantWindow">False when an <see cref="ISharedSendBudget"/> keeps the tenant's limit across instances.</param>
    public async ValueTask<IDisposable> AcquireAsync(string tenantId, string conversationKey, CancellationToken cancellationToken, bool tenantWindow = true)
    {
        IDisposable? lease;
        while (!TryAcquire(tenantId, conversationKey, out lease, out var delay, tenantWindow))
        {
            ConnectorLog.ThrottleWait(_logger, conversationKey, tenantId, delay.TotalMilliseconds);
            await Task.Delay(delay, _timeProvider, cancellationToken);
        }

        return lease;
    }

    /// <summary>Starts an operation if it fits every limit now; otherwise returns how long to wait before trying again.</summary>
    public bool TryAcquire(
        string tenantId, string conversationKey, [NotNullWhen(true)] out IDisposable? lease, out TimeSpan retryAfter, bool tenantWindow = true)
    {
        lease = null;
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(conversationKey);
        lock (_gate)
        {
            var now = _timeProvider.GetElapsedTime(_origin);
            PruneIfDue(now);
            var tenantLog = tenantWindow ? GetLog(_tenants, tenantId, _tenantLimits) : null;
            var conversationLog = GetLog(_conversations, tenantId + "\n" + conversationKey, _conversationLimits);
            var tenantDelay = tenantLog?.RequiredDelay(now, _tenantLimits, _margin) ?? TimeSpan.Zero;
            var conversationDelay = conversationLog.RequiredDelay(now, _conversationLimits, _margin);
            retryAfter = tenantDelay > conversationDelay ? tenantDelay : conversationDelay;
            if (retryAfter > TimeSpan.Zero)
            {
                return false;
            }

            tenantLog?.Begin();
            conversationLog.Begin();
            lease = new Lease(this, tenantLog, conversationLog);
            return true;
        }
    }

    private void Complete(SlidingWindowLog? tenantLog, SlidingWindowLog conversationLog)
    {
        lock (_gate)
        {
            var now = _timeProvider.GetElapsedTime(_origin);
            tenantLog?.Complete(now);
            conversationLog.Complete(now);
        }
    }

    private static SlidingWindowLog GetLog(Dictionary<string, SlidingWindowLog> logs, string key, IReadOnlyList<SlidingWindowLimit> limits)
    {
        if (!logs.TryGetValue(key, out var log))
        {
            log = new SlidingWindowLog(limits.Max(l => l.PermitLimit));
            logs.Add(key, log);
        }

        return log;
    }

    private void PruneIfDue(TimeSpan now)
    {
        if (now - _lastPrune < _longestWindow)
        {
            return;
        }

        _lastPrune = now;
        Prune(_conversations, now);
        Prune(_tenants, now);
    }

    private void Prune(Dictionary<string, SlidingWindowLog> logs, TimeSpan now)
    {
        foreach (var (key, log) in logs)
        {
            if (log.IsIdle(now, _longestWindow))
            {
                logs.Remove(key); // Removing during enumeration is allowed for Dictionary since .NET Core 3.0.
            }
        }
    }

    /// <summary>
    /// Holds the logs themselves, not their keys: a log is pruned only when nothing is in flight, so a lease
    /// always completes the log its key maps to.
    /// </summary>
    private sealed class Lease(ConnectorRateLimiter limiter, SlidingWindowLog? tenantLog, SlidingWindowLog conversationLog) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                limiter.Complete(tenantLog, conversationLog);
            }
        }
    }
}
