using System.Collections.Concurrent;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.IntegrationTests.Storage;

/// <summary>The outbox on Azurite's queue service: durable, leased, at least once.</summary>
[Collection(AzuriteCollection.Name)]
public class OutboxTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private OutboxClient NewOutbox() =>
        new(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = azurite.NewTablePrefix() }));

    private static OutboxMessage Message(int i) => new() { Kind = "test", ReviewId = "r1", TenantId = "t1", Email = $"m{i}@city.example.jp" };

    private sealed class RecordingHandler(Func<OutboxMessage, bool> result) : IOutboxHandler
    {
        public ConcurrentQueue<string> Handled { get; } = new();

        public string Kind => "test";

        public Task<bool> HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Handled.Enqueue(message.Email);
            return Task.FromResult(result(message));
        }
    }

    [Fact]
    public async Task EnqueueReceiveComplete_MessageIsGoneAfterwards()
    {
        var outbox = NewOutbox();
        await outbox.EnqueueAsync(Message(1), None);

        var received = Assert.Single(await outbox.ReceiveAsync(10, TimeSpan.FromSeconds(30), None));
        await outbox.CompleteAsync(received, None);

        Assert.Equal(Message(1), received.Message);
        Assert.Equal(0, await outbox.ApproximateCountAsync(None));
    }

    [Fact]
    public async Task Received_NotCompleted_ComesBackAfterLease()
    {
        var outbox = NewOutbox();
        await outbox.EnqueueAsync(Message(1), None);
        Assert.Single(await outbox.ReceiveAsync(10, TimeSpan.FromSeconds(1), None));
        Assert.Empty(await outbox.ReceiveAsync(10, TimeSpan.FromSeconds(1), None));

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var again = Assert.Single(await outbox.ReceiveAsync(10, TimeSpan.FromSeconds(30), None));

        Assert.Equal(2, again.DequeueCount);
    }

    [Fact]
    public async Task Worker_HandlesEveryMessageOnce_AndLeavesFailedOnesForLater()
    {
        var outbox = NewOutbox();
        for (var i = 0; i < 20; i++)
        {
            await outbox.EnqueueAsync(Message(i), None);
        }

        var handler = new RecordingHandler(m => m.Email != "m7@city.example.jp");
        var options = Options.Create(new OutboxOptions { PollInterval = TimeSpan.FromMilliseconds(50), Lease = TimeSpan.FromSeconds(30) });
        using var worker = new OutboxWorker(outbox, [handler], options, TimeProvider.System, NullLogger<OutboxWorker>.Instance);
        await worker.StartAsync(None);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (handler.Handled.Count < 20 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await worker.StopAsync(None);

        Assert.Equal(20, handler.Handled.Count);
        Assert.Equal(20, handler.Handled.Distinct().Count());
        Assert.Equal(1, await outbox.ApproximateCountAsync(None));
    }
}
