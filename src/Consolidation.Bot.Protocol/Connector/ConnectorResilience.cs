using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace Consolidation.Bot.Protocol.Connector;

/// <summary>
/// The connector's resilience pipelines. The outer one (total timeout + retry) wraps the rate limiter; the inner
/// one (attempt timeout) sits below it, so waiting for a rate-limit slot never eats into an attempt's timeout.
/// </summary>
internal static class ConnectorResilience
{
    public const string RetryPipelineName = "connector-retry";
    public const string AttemptPipelineName = "connector-attempt";

    /// <summary>Statuses Teams documents as retryable: throttled, precondition failed (concurrent ops), gateway errors.</summary>
    public static bool IsRetryableStatus(HttpStatusCode status) => status is
        HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or
        HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException ||
        (outcome.Result is { } response && IsRetryableStatus(response.StatusCode));

    /// <summary>
    /// The server's <c>Retry-After</c> (delta seconds or HTTP date) as a wait, capped at <paramref name="maxDelay"/>;
    /// <see langword="null"/> when absent, so the jittered exponential backoff applies.
    /// </summary>
    public static TimeSpan? RetryAfterDelay(HttpResponseMessage? response, DateTimeOffset now, TimeSpan maxDelay)
    {
        var retryAfter = response?.Headers.RetryAfter;
        TimeSpan? delay = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => null,
        };
        if (delay is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > maxDelay ? maxDelay : value;
    }

    public static void ConfigureRetry(
        ResiliencePipelineBuilder<HttpResponseMessage> builder, ConnectorOptions options, TimeProvider timeProvider, ILogger logger,
        ConnectorMetrics? metrics = null)
    {
        builder.AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts == 0)
        {
            return;
        }

        builder.AddRetry(new HttpRetryStrategyOptions
        {
            // Off (and set before DelayGenerator, which it would overwrite): our generator reads Retry-After
            // itself, so that it also caps the wait and accepts HTTP dates.
            ShouldRetryAfterHeader = false,
            MaxRetryAttempts = options.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseRetryDelay,
            MaxDelay = options.MaxRetryDelay,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
            DelayGenerator = args => ValueTask.FromResult(
                RetryAfterDelay(args.Outcome.Result, timeProvider.GetUtcNow(), options.MaxRetryDelay)),
            OnRetry = args =>
            {
                LogRetry(logger, args.Outcome, args.AttemptNumber + 1, args.RetryDelay);
                metrics?.Retrying(args.Outcome.Result is { } response ? (int)response.StatusCode : null, args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        });
    }

    public static void ConfigureAttempt(ResiliencePipelineBuilder<HttpResponseMessage> builder, ConnectorOptions options) =>
        builder.AddTimeout(options.AttemptTimeout);

    private static void LogRetry(ILogger logger, Outcome<HttpResponseMessage> outcome, int attempt, TimeSpan delay)
    {
        if (outcome.Exception is { } exception)
        {
            ConnectorLog.RetryingException(logger, exception.GetType().Name, attempt, delay.TotalMilliseconds, exception);
        }
        else if (outcome.Result is { } response)
        {
            ConnectorLog.RetryingStatus(logger, (int)response.StatusCode, attempt, delay.TotalMilliseconds);
        }
    }
}
