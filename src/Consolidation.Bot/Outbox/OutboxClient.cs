using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Outbox;

/// <summary>A received outbox message with what is needed to delete it once handled.</summary>
public sealed record OutboxDelivery(OutboxMessage Message, string MessageId, string PopReceipt, long DequeueCount);

/// <summary>
/// The outbox: an Azure Storage queue (<c>{prefix}outbox</c>). A received message is invisible for the lease time;
/// if the worker dies before deleting it, it becomes visible again and is handled again (at least once). A message that
/// cannot be handled is never dropped: it is moved, as it was received, to <c>{prefix}outbox-poison</c> for an operator.
/// Both queues are created on first use and again after a failure (storage down at start-up leaves nothing cached).
/// </summary>
public sealed class OutboxClient
{
    private readonly RetryingInitializer<QueueClient> _queue;
    private readonly RetryingInitializer<QueueClient> _poison;
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
        var prefix = options.Value.TablePrefix.ToLowerInvariant();
        QueueName = prefix + "outbox";
        PoisonQueueName = prefix + "outbox-poison";
        _queue = new(ct => CreateAsync(clients.Queue(QueueName), ct));
        _poison = new(ct => CreateAsync(clients.Queue(PoisonQueueName), ct));
        _logger = logger;
    }

    public string QueueName { get; }

    public string PoisonQueueName { get; }

    public async Task EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var queue = await _queue.GetAsync(cancellationToken);
        await queue.SendMessageAsync(JsonSerializer.Serialize(message, OutboxJsonContext.Default.OutboxMessage), cancellationToken);
        _metrics?.Queued(message.Kind);
    }

    /// <summary>Messages to handle; one that cannot be read (not JSON, base64 text, no kind) is moved to the poison queue at once.</summary>
    public async Task<IReadOnlyList<OutboxDelivery>> ReceiveAsync(int maxMessages, TimeSpan lease, CancellationToken cancellationToken)
    {
        var queue = await _queue.GetAsync(cancellationToken);
        QueueMessage[] messages = await queue.ReceiveMessagesAsync(maxMessages, lease, cancellationToken);
        var result = new List<OutboxDelivery>(messages.Length);
        foreach (var m in messages)
        {
            var body = m.Body.ToString();
            if (Parse(body, out var reason) is { } message)
            {
                result.Add(new OutboxDelivery(message, m.MessageId, m.PopReceipt, m.DequeueCount));
                continue;
            }

            // No version of the bot can ever read it, so waiting for more deliveries would only delay the operator.
            Log.OutboxMalformed(_logger, m.MessageId, reason);
            _metrics?.Failed("unreadable");
            await MoveToPoisonAsync(body, m.MessageId, m.PopReceipt, cancellationToken);
        }

        return result;
    }

    public async Task CompleteAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await DeleteAsync(await _queue.GetAsync(cancellationToken), delivery.MessageId, delivery.PopReceipt, cancellationToken);
    }

    /// <summary>Moves a message that failed too often (or whose kind no instance knows) to the poison queue.</summary>
    public Task MoveToPoisonAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return MoveToPoisonAsync(JsonSerializer.Serialize(delivery.Message, OutboxJsonContext.Default.OutboxMessage), delivery.MessageId, delivery.PopReceipt, cancellationToken);
    }

    /// <summary>Messages waiting (approximate): for tests and readiness reports.</summary>
    public async Task<int> ApproximateCountAsync(CancellationToken cancellationToken)
    {
        var queue = await _queue.GetAsync(cancellationToken);
        return (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
    }

    /// <summary>The waiting messages (approximate) and how long the oldest visible one has waited, for the outbox gauges.</summary>
    public async Task<(int Depth, TimeSpan OldestAge)> ObserveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var queue = await _queue.GetAsync(cancellationToken);
        var depth = (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        PeekedMessage[] oldest = await queue.PeekMessagesAsync(1, cancellationToken);
        var age = oldest is [{ InsertedOn: { } inserted }] ? now - inserted : TimeSpan.Zero;
        return (depth, age < TimeSpan.Zero ? TimeSpan.Zero : age);
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
    private async Task MoveToPoisonAsync(string body, string messageId, string popReceipt, CancellationToken cancellationToken)
    {
        var poison = await _poison.GetAsync(cancellationToken);
        await poison.SendMessageAsync(body, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken);
        await DeleteAsync(await _queue.GetAsync(cancellationToken), messageId, popReceipt, cancellationToken);
    }

    private static async Task DeleteAsync(QueueClient queue, string messageId, string popReceipt, CancellationToken cancellationToken)
    {
        try
        {
            await queue.DeleteMessageAsync(messageId, popReceipt, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
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
