using Consolidation.Bot.Diagnostics;

namespace Consolidation.Bot.Outbox;

/// <summary>
/// Drains the outbox in the background, one loop per queue (each tenant's and the one without a tenant, found by
/// listing the account and at once when this instance writes to a new one), so a tenant's backlog never waits behind
/// another's: receives messages under a lease, runs the handler for their kind, deletes them when done. Stopping the host finishes the messages in hand first (graceful shutdown). No message and no storage
/// failure stops the worker: unreadable messages and those that fail <see cref="OutboxOptions.MaxDeliveries"/> times go
/// to the poison queue, anything unexpected is logged and the loop goes on.
/// </summary>
public sealed class OutboxWorker(
    OutboxClient queue,
    IEnumerable<IOutboxHandler> handlers,
    Microsoft.Extensions.Options.IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxWorker> logger,
    BotMetrics? metrics = null) : BackgroundService
{
    private readonly Dictionary<string, IOutboxHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
    private DateTimeOffset _observedAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var loops = new Dictionary<string, Task>(StringComparer.Ordinal);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var name in await queue.ListQueuesAsync(stoppingToken))
                {
                    if (!loops.ContainsKey(name))
                    {
                        loops[name] = Task.Run(() => DrainAsync(name, settings, stoppingToken), CancellationToken.None);
                    }
                }

                await ObserveAsync(stoppingToken);
                await queue.WaitForNewQueueAsync(settings.QueueScanInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogFailure(ex);
                await DelayAsync(settings.PollInterval * 4, stoppingToken);
            }
        }

        // Each loop finishes the messages in hand before it returns.
        await Task.WhenAll(loops.Values);
    }

    private async Task DrainAsync(string queueName, OutboxOptions settings, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<OutboxDelivery> batch;
            try
            {
                batch = await queue.ReceiveAsync(queueName, settings.Concurrency, settings.Lease, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogFailure(ex);
                await DelayAsync(settings.PollInterval * 4, stoppingToken);
                continue;
            }

            if (batch.Count == 0)
            {
                await DelayAsync(settings.PollInterval, stoppingToken);
                continue;
            }

            // Messages in hand are finished even when stopping: CancellationToken.None below.
            await Task.WhenAll(batch.Select(d => HandleSafelyAsync(d, settings, CancellationToken.None)));
        }
    }

    private async Task HandleSafelyAsync(OutboxDelivery delivery, OutboxOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            await HandleAsync(delivery, settings, cancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // E.g. storage failing while the message is deleted or moved: it comes back after its lease.
            Log.OutboxWorkerFailure(logger, ex);
        }
    }

    private async Task HandleAsync(OutboxDelivery delivery, OutboxOptions settings, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(delivery.Message.Kind, out var handler))
        {
            // Perhaps a newer instance's kind during a rolling deployment: leave it to come back, then keep it for an operator.
            Log.OutboxUnknownKind(logger, delivery.Message.Kind, delivery.DequeueCount, settings.MaxDeliveries);
            if (delivery.DequeueCount >= settings.MaxDeliveries)
            {
                await queue.MoveToPoisonAsync(delivery, cancellationToken);
            }

            return;
        }

        try
        {
            using var lease = new LeaseRenewal(queue, delivery, settings.Lease, time);
            bool handled;
            try
            {
                handled = await handler.HandleAsync(delivery.Message, cancellationToken);
            }
            finally
            {
                delivery = await lease.StopAsync();
            }

            if (handled)
            {
                await queue.CompleteAsync(delivery, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (delivery.DequeueCount >= settings.MaxDeliveries)
            {
                Log.OutboxPoison(logger, delivery.Message.Kind, delivery.Message.Email, delivery.DequeueCount, ex);
                metrics?.Failed("poison:" + delivery.Message.Kind);
                await queue.MoveToPoisonAsync(delivery, cancellationToken);
            }
            else
            {
                Log.OutboxRetryLater(logger, delivery.Message.Kind, delivery.Message.Email, ex);
            }
        }
    }

    private void LogFailure(Exception ex)
    {
        if (Storage.StorageFailures.IsUnavailable(ex))
        {
            Log.OutboxUnavailable(logger, ex);
        }
        else
        {
            Log.OutboxWorkerFailure(logger, ex);
        }
    }

    /// <summary>The outbox gauges over every queue, refreshed between scans (at most once every 10 s).</summary>
    private async Task ObserveAsync(CancellationToken stoppingToken)
    {
        if (metrics is null || time.GetUtcNow() - _observedAt < TimeSpan.FromSeconds(10))
        {
            return;
        }

        _observedAt = time.GetUtcNow();
        try
        {
            var (depth, oldest) = await queue.ObserveAsync(_observedAt, stoppingToken);
            metrics.OutboxObserved(depth, oldest);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Gauges are best effort; the receive loop reports storage failures.
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
