using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Consolidation.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Outbox;

/// <summary>A received outbox message with what is needed to delete it once handled.</summary>
public sealed record OutboxDelivery(OutboxMessage Message, string MessageId, string PopReceipt, long DequeueCount);

/// <summary>
/// The outbox: an Azure Storage queue (<c>{prefix}outbox</c>). A received message is invisible for the lease time;
/// if the worker dies before deleting it, it becomes visible again and is handled again (at least once).
/// </summary>
public sealed class OutboxClient(IOptions<StorageOptions> options)
{
    private readonly Lazy<Task<QueueClient>> _queue = new(async () =>
    {
        var name = (options.Value.TablePrefix + "outbox").ToLowerInvariant();
        var clientOptions = new QueueClientOptions();
        StorageFailures.Configure(clientOptions.Retry);
        var client = new QueueClient(options.Value.ConnectionString, name, clientOptions);
        await client.CreateIfNotExistsAsync();
        return client;
    });

    public async Task EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var queue = await QueueAsync(cancellationToken);
        await queue.SendMessageAsync(JsonSerializer.Serialize(message, OutboxJsonContext.Default.OutboxMessage), cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxDelivery>> ReceiveAsync(int maxMessages, TimeSpan lease, CancellationToken cancellationToken)
    {
        var queue = await QueueAsync(cancellationToken);
        QueueMessage[] messages = await queue.ReceiveMessagesAsync(maxMessages, lease, cancellationToken);
        var result = new List<OutboxDelivery>(messages.Length);
        foreach (var m in messages)
        {
            var body = JsonSerializer.Deserialize(m.Body.ToString(), OutboxJsonContext.Default.OutboxMessage);
            if (body is null)
            {
                await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, cancellationToken);
                continue;
            }

            result.Add(new OutboxDelivery(body, m.MessageId, m.PopReceipt, m.DequeueCount));
        }

        return result;
    }

    public async Task CompleteAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        var queue = await QueueAsync(cancellationToken);
        try
        {
            await queue.DeleteMessageAsync(delivery.MessageId, delivery.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The lease ran out and another worker took the message: it will find the work already done.
        }
    }

    /// <summary>Messages waiting (approximate): for tests and readiness reports.</summary>
    public async Task<int> ApproximateCountAsync(CancellationToken cancellationToken)
    {
        var queue = await QueueAsync(cancellationToken);
        return (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
    }

    private Task<QueueClient> QueueAsync(CancellationToken cancellationToken) => _queue.Value.WaitAsync(cancellationToken);
}
