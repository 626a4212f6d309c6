using Azure;

namespace Consolidation.Bot.Storage;

/// <summary>Tells a storage outage (nothing answered, a 5xx, a timeout) from a genuine error of ours.</summary>
public static class StorageFailures
{
    /// <summary>Retries of one storage call: short, so a turn answers well within Teams' invoke timeout when storage is down.</summary>
    public static void Configure(Azure.Core.RetryOptions retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        retry.MaxRetries = 2;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(2);
        retry.NetworkTimeout = TimeSpan.FromSeconds(10);
    }

    public static bool IsUnavailable(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 or >= 500 } => true,
        HttpRequestException or TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsUnavailable),
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };

    /// <summary>
    /// Any failure of a storage call: an outage, or a request the store refused (a 4xx). For best-effort work off the
    /// request path, which gives up on either and leaves the next caller to try again; a bug of ours still surfaces.
    /// </summary>
    public static bool IsStorageFailure(Exception exception) => exception switch
    {
        RequestFailedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsStorageFailure),
        _ => IsUnavailable(exception),
    };
}
