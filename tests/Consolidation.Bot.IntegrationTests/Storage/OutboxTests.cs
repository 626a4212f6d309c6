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

    private OutboxClient NewOutbox(string? prefix = null) =>
        new(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix ?? azurite.NewTablePrefix() }), NullLogger<OutboxClient>.Instance);

    private Azure.Storage.Queues.QueueClient Queue(string name) => new(azurite.ConnectionString, name);

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

        var received = Assert.Single(await outbox.ReceiveAsync(outbox.QueueNameFor("t1"), 10, TimeSpan.FromSeconds(30), None));
        await outbox.CompleteAsync(received, None);

        Assert.Equal(Message(1), received.Message);
        Assert.Equal(0, await outbox.ApproximateCountAsync(None));
    }

    [Fact]
    public async Task Received_NotCompleted_ComesBackAfterLease()
    {
        var outbox = NewOutbox();
        await outbox.EnqueueAsync(Message(1), None);
        Assert.Single(await outbox.ReceiveAsync(outbox.QueueNameFor("t1"), 10, TimeSpan.FromSeconds(1), None));
        var leased = System.Diagnostics.Stopwatch.StartNew();
        Assert.Empty(await outbox.ReceiveAsync(outbox.QueueNameFor("t1"), 10, TimeSpan.FromSeconds(1), None));

        // Asked again until it comes back: not before its 1 s lease ends (Azurite counts the lease in whole seconds).
        IReadOnlyList<OutboxDelivery> again = [];
        while (again.Count == 0 && leased.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
            again = await outbox.ReceiveAsync(outbox.QueueNameFor("t1"), 10, TimeSpan.FromSeconds(30), None);
        }

        Assert.True(leased.Elapsed >= TimeSpan.FromMilliseconds(800), $"back after {leased.ElapsedMilliseconds} ms");
        Assert.Equal(2, Assert.Single(again).DequeueCount);
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

    [Theory]
    [InlineData("this is not json")]
    [InlineData("eyJraW5kIjoidGVzdCIsInJldmlld0lkIjoicjEiLCJ0ZW5hbnRJZCI6InQxIn0=")] // base64 of a valid message
    [InlineData("""{"kind":null,"reviewId":"r1","tenantId":"t1"}""")]
    [InlineData("""{"kind":"test"}""")]
    [InlineData("null")]
    public async Task Receive_MalformedMessage_MovedToPoisonAsReceivedAndTheRestStillHandled(string body)
    {
        var outbox = NewOutbox();
        await outbox.EnqueueAsync(Message(1), None);
        await Queue(outbox.QueueNameFor("t1")).SendMessageAsync(body);
        await outbox.EnqueueAsync(Message(2), None);

        var received = await outbox.ReceiveAsync(outbox.QueueNameFor("t1"), 10, TimeSpan.FromSeconds(30), None);

        Assert.Equal(["m1@city.example.jp", "m2@city.example.jp"], received.Select(d => d.Message.Email).Order());
        var poisoned = Assert.Single((await Queue(outbox.PoisonQueueName).ReceiveMessagesAsync(10)).Value);
        Assert.Equal(body, poisoned.Body.ToString());
        Assert.Equal(2, await outbox.ApproximateCountAsync(None)); // the two good ones, leased, not yet completed
    }

    [Fact]
    public async Task Worker_PoisonMessagesOnTheQueue_KeepsRunningAndHandlesTheNextMessage()
    {
        var outbox = NewOutbox();
        var queue = Queue(outbox.QueueName);
        await queue.CreateIfNotExistsAsync();
        await Queue(outbox.PoisonQueueName).CreateIfNotExistsAsync();
        await queue.SendMessageAsync("{ broken");
        await queue.SendMessageAsync("""{"kind":null,"reviewId":"r1","tenantId":"t1"}""");
        await outbox.EnqueueAsync(Message(1) with { Kind = "kind-no-instance-knows" }, None);
        await outbox.EnqueueAsync(Message(2) with { Email = "always-fails@city.example.jp" }, None);
        var handler = new ThrowingHandler("always-fails@city.example.jp");
        var options = Options.Create(new OutboxOptions { PollInterval = TimeSpan.FromMilliseconds(50), Lease = TimeSpan.FromSeconds(1), MaxDeliveries = 2 });
        using var worker = new OutboxWorker(outbox, [handler], options, TimeProvider.System, NullLogger<OutboxWorker>.Instance);
        await worker.StartAsync(None);

        // Four messages that can never be handled end in the poison queue (two at once, two after 2 deliveries)...
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await Queue(outbox.PoisonQueueName).GetPropertiesAsync()).Value.ApproximateMessagesCount < 4)
        {
            Assert.True(DateTime.UtcNow < deadline, "poison queue did not fill");
            await Task.Delay(100);
        }

        // ... and the worker is still running: a good message queued now is handled.
        await outbox.EnqueueAsync(Message(3), None);
        deadline = DateTime.UtcNow.AddSeconds(10);
        while (!handler.Handled.Contains("m3@city.example.jp"))
        {
            Assert.True(DateTime.UtcNow < deadline, "the worker stopped handling messages");
            await Task.Delay(50);
        }

        await worker.StopAsync(None);
        Assert.NotNull(worker.ExecuteTask);
        Assert.False(worker.ExecuteTask!.IsFaulted);
        Assert.Equal(0, await outbox.ApproximateCountAsync(None));
        var poison = (await Queue(outbox.PoisonQueueName).PeekMessagesAsync(10)).Value.Select(m => m.Body.ToString()).ToList();
        Assert.Contains("{ broken", poison);
        Assert.Contains(poison, p => p.Contains("kind-no-instance-knows", StringComparison.Ordinal));
        Assert.Contains(poison, p => p.Contains("always-fails@city.example.jp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Clients_StorageDownAtFirstUse_RecoverOnceStorageIsBack()
    {
        // An Azurite of our own whose ports are known before it runs: the clients' first use fails (nothing listens),
        // then the same clients work once Azurite is up; no cached failure, no restart.
        await using var storage = new AzuriteProcess();
        var options = Options.Create(new StorageOptions { ConnectionString = storage.ConnectionString, TablePrefix = "down" });
        var outbox = new OutboxClient(options, NullLogger<OutboxClient>.Instance);
        var tables = new TableClientProvider(new Azure.Data.Tables.TableServiceClient(storage.ConnectionString), options);
        await Assert.ThrowsAnyAsync<Exception>(() => outbox.EnqueueAsync(Message(1), None));
        await Assert.ThrowsAnyAsync<Exception>(() => tables.GetAsync(TableNames.ReviewData, None));

        await storage.StartAsync();
        await outbox.EnqueueAsync(Message(2), None);
        var table = await tables.GetAsync(TableNames.ReviewData, None);
        await table.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("p", "r"));

        Assert.Equal("m2@city.example.jp", Assert.Single(await outbox.ReceiveAsync(outbox.QueueNameFor("t1"), 10, TimeSpan.FromSeconds(30), None)).Message.Email);
        Assert.True((await table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("p", "r")).HasValue);
    }

    [Fact]
    public async Task RetryingInitializer_FailedCreation_IsNotCached()
    {
        var attempts = 0;
        var init = new RetryingInitializer<string>(async _ =>
        {
            await Task.Yield();
            return ++attempts == 1 ? throw new HttpRequestException("storage down") : "queue";
        });

        await Assert.ThrowsAsync<HttpRequestException>(() => init.GetAsync(None));
        Assert.Equal("queue", await init.GetAsync(None));
        Assert.Equal("queue", await init.GetAsync(None));
        Assert.Equal(2, attempts);
    }

    private sealed class ThrowingHandler(string failFor) : IOutboxHandler
    {
        public ConcurrentQueue<string> Handled { get; } = new();

        public string Kind => "test";

        public Task<bool> HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            if (message.Email == failFor)
            {
                throw new InvalidOperationException("a handler bug");
            }

            Handled.Enqueue(message.Email);
            return Task.FromResult(true);
        }
    }
}
