using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Outbox;

/// <summary>A received outbox message with what is needed to delete it once handled: the queue it came from among them.</summary>
public sealed record OutboxDelivery(OutboxMessage Message, string MessageId, string PopReceipt, long DequeueCount, string QueueName = "");

/// <summary>
/// The outbox: one Azure Storage queue per tenant (<c>{prefix}outbox-t{hash of the tenant id}</c>), so one city's fan-out
/// never queues ahead of another's cards, and <c>{prefix}outbox</c> for messages without a tenant (and those queued before
/// tenants had queues of their own). A received message is invisible for the lease time;
/// if the worker dies before deleting it, it becomes visible again and is handled again (at least once). A message that
/// cannot be handled is never dropped: it is moved, as it was received, to <c>{prefix}outbox-poison</c> for an operator.
/// Both queues are created on first use and again after a failure (storage down at start-up leaves nothing cached).
/// </summary>
public sealed class OutboxClient : IOutboxWriter
{
    private readonly ConcurrentDictionary<string, RetryingInitializer<QueueClient>> _queues = new(StringComparer.Ordinal);
    private readonly RetryingInitializer<QueueClient> _poison;
    private readonly StorageClients _clients;
    private TaskCompletionSource _queueAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger<OutboxClient> _logger;
    private readonly BotMetrics? _metrics;

    public OutboxClient(IOptions<StorageOptions> options, ILogger<OutboxClient> logger)
        : this(options, new StorageClients(options), logger)
    {
    }

    public OutboxClient(IOptions<StorageOptions> options, StorageClients clients, ILogger<OutboxClient> logger, BotMetrics? metrics = null)
    {
        _metrics = metrics;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clients);
        _clients = clients;
        var prefix = options.Value.TablePrefix.ToLowerInvariant();
        QueueName = prefix + "outbox";
        TenantQueuePrefix = prefix + "outbox-t";
        PoisonQueueName = prefix + "outbox-poison";
        _poison = new(ct => CreateAsync(clients.Queue(PoisonQueueName), ct));
        _logger = logger;
    }

    /// <summary>The queue of messages without a tenant.</summary>
    public string QueueName { get; }

    public string PoisonQueueName { get; }

    private string TenantQueuePrefix { get; }

    /// <summary>The tenant's queue: a hash, because queue names allow only lower-case letters, digits and dashes.</summary>
    public string QueueNameFor(string? tenantId)
    {
        if (string.IsNullOrWhiteSpace(tenantId))
        {
            return QueueName;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(tenantId.Trim().ToLowerInvariant()));
        return TenantQueuePrefix + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    public async Task EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var queue = await QueueAsync(QueueNameFor(message.TenantId), cancellationToken);
        await queue.SendMessageAsync(JsonSerializer.Serialize(message, OutboxJsonContext.Default.OutboxMessage), cancellationToken);
        _metrics?.Queued(message.Kind);
    }

    /// <summary>
    /// Every outbox queue: the one without a tenant, the tenants' queues in the account (any instance may have made one)
    /// and those this instance made, listed or not.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListQueuesAsync(CancellationToken cancellationToken)
    {
        var names = new SortedSet<string>(_queues.Keys, StringComparer.Ordinal) { QueueName };
        await foreach (var queue in _clients.QueueService().GetQueuesAsync(prefix: TenantQueuePrefix, cancellationToken: cancellationToken))
        {
            names.Add(queue.Name);
        }

        return [.. names];
    }

    /// <summary>Waits until this instance first writes to a queue it had not used, or the timeout: a worker then drains it at once.</summary>
    public async Task WaitForNewQueueAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Volatile.Read(ref _queueAdded).Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Time to list the account again.
        }
    }

    /// <summary>Messages to handle from one queue; one that cannot be read (not JSON, base64 text, no kind) is moved to the poison queue at once.</summary>
    public async Task<IReadOnlyList<OutboxDelivery>> ReceiveAsync(string queueName, int maxMessages, TimeSpan lease, CancellationToken cancellationToken)
    {
        var queue = await QueueAsync(queueName, cancellationToken);
        QueueMessage[] messages = await queue.ReceiveMessagesAsync(maxMessages, lease, cancellationToken);
        var result = new List<OutboxDelivery>(messages.Length);
        foreach (var m in messages)
        {
            var body = m.Body.ToString();
            if (Parse(body, out var reason) is { } message)
            {
                result.Add(new OutboxDelivery(message, m.MessageId, m.PopReceipt, m.DequeueCount, queueName));
                continue;
            }

            // No version of the bot can ever read it, so waiting for more deliveries would only delay the operator.
            Log.OutboxMalformed(_logger, m.MessageId, reason);
            _metrics?.Failed("unreadable");
            await MoveToPoisonAsync(queue, body, m.MessageId, m.PopReceipt, cancellationToken);
        }

        return result;
    }

    /// <summary>Keeps a message in hand for another <paramref name="lease"/>; the delivery returned holds the new pop receipt.</summary>
    public async Task<OutboxDelivery> ExtendAsync(OutboxDelivery delivery, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var queue = await QueueOfAsync(delivery, cancellationToken);
        var receipt = await queue.UpdateMessageAsync(delivery.MessageId, delivery.PopReceipt, visibilityTimeout: lease, cancellationToken: cancellationToken);
        return delivery with { PopReceipt = receipt.Value.PopReceipt };
    }

    public async Task CompleteAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await DeleteAsync(await QueueOfAsync(delivery, cancellationToken), delivery.MessageId, delivery.PopReceipt, cancellationToken);
    }

    /// <summary>Moves a message that failed too often (or whose kind no instance knows) to the poison queue.</summary>
    public async Task MoveToPoisonAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await MoveToPoisonAsync(await QueueOfAsync(delivery, cancellationToken), JsonSerializer.Serialize(delivery.Message, OutboxJsonContext.Default.OutboxMessage),
            delivery.MessageId, delivery.PopReceipt, cancellationToken);
    }

    /// <summary>Messages waiting in every outbox queue (approximate): for tests and readiness reports.</summary>
    public async Task<int> ApproximateCountAsync(CancellationToken cancellationToken)
    {
        var depth = 0;
        foreach (var name in await ListQueuesAsync(cancellationToken))
        {
            depth += (await (await QueueAsync(name, cancellationToken)).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        }

        return depth;
    }

    /// <summary>The waiting messages of every queue (approximate) and how long the oldest visible one has waited, for the outbox gauges.</summary>
    public async Task<(int Depth, TimeSpan OldestAge)> ObserveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var depth = 0;
        var age = TimeSpan.Zero;
        foreach (var name in await ListQueuesAsync(cancellationToken))
        {
            var queue = await QueueAsync(name, cancellationToken);
            depth += (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            PeekedMessage[] oldest = await queue.PeekMessagesAsync(1, cancellationToken);
            if (oldest is [{ InsertedOn: { } inserted }] && now - inserted > age)
            {
                age = now - inserted;
            }
        }

        return (depth, age);
    }

    /// <summary>The message, or null with the reason it cannot be read.</summary>
    internal static OutboxMessage? Parse(string body, out string reason)
    {
        try
        {
            var message = JsonSerializer.Deserialize(body, OutboxJsonContext.Default.OutboxMessage);
            reason = message is null ? "null" : string.IsNullOrWhiteSpace(message.Kind) ? "no kind" : "";
            return reason.Length == 0 ? message : null;
        }
        catch (JsonException)
        {
            reason = "not an outbox message (JSON)";
            return null;
        }
    }

    /// <summary>Copy first, delete second: a crash between the two leaves a copy in both queues, never in none.</summary>
    private async Task MoveToPoisonAsync(QueueClient from, string body, string messageId, string popReceipt, CancellationToken cancellationToken)
    {
        var poison = await _poison.GetAsync(cancellationToken);
        await poison.SendMessageAsync(body, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken);
        await DeleteAsync(from, messageId, popReceipt, cancellationToken);
    }

    private Task<QueueClient> QueueOfAsync(OutboxDelivery delivery, CancellationToken cancellationToken) =>
        QueueAsync(delivery.QueueName.Length == 0 ? QueueNameFor(delivery.Message.TenantId) : delivery.QueueName, cancellationToken);

    /// <summary>The queue, created on first use (and again after a failure); a name new to this instance wakes the worker.</summary>
    private Task<QueueClient> QueueAsync(string name, CancellationToken cancellationToken)
    {
        var added = false;
        var queue = _queues.GetOrAdd(name, n =>
        {
            added = true;
            return new RetryingInitializer<QueueClient>(ct => CreateAsync(_clients.Queue(n), ct));
        });
        if (added)
        {
            Interlocked.Exchange(ref _queueAdded, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }

        return queue.GetAsync(cancellationToken);
    }

    private static async Task DeleteAsync(QueueClient queue, string messageId, string popReceipt, CancellationToken cancellationToken)
    {
        try
        {
            await queue.DeleteMessageAsync(messageId, popReceipt, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404 || ex.ErrorCode == "PopReceiptMismatch")
        {
            // The lease ran out and another worker took the message: it will find the work already done.
        }
    }

    private static async Task<QueueClient> CreateAsync(QueueClient client, CancellationToken cancellationToken)
    {
        await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return client;
    }
}
