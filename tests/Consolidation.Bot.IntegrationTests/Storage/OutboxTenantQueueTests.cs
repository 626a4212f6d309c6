using System.Collections.Concurrent;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.IntegrationTests.Storage;

/// <summary>Tenants apart in the outbox (issue 19): a queue per tenant, each drained on its own, on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public class OutboxTenantQueueTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Worker_ATenantsBacklog_DoesNotDelayAnotherTenantsMessages()
    {
        var prefix = azurite.NewTablePrefix();
        var outbox = NewOutbox(prefix);
        for (var i = 0; i < 200; i++)
        {
            await outbox.EnqueueAsync(Message("tenant-a", i), None);
        }

        // Each of tenant A's messages takes 100 ms (as if waiting for its Teams budget): 200 of them take seconds.
        var handler = new TimedHandler(m => m.TenantId == "tenant-a" ? TimeSpan.FromMilliseconds(100) : TimeSpan.Zero);
        var options = Options.Create(new OutboxOptions { PollInterval = TimeSpan.FromMilliseconds(50), Concurrency = 4 });
        using var worker = new OutboxWorker(outbox, [handler], options, TimeProvider.System, NullLogger<OutboxWorker>.Instance);
        await worker.StartAsync(None);
        await WaitUntilAsync(() => handler.Handled.Count(h => h.TenantId == "tenant-a") >= 8);
        var bQueued = DateTimeOffset.UtcNow;
        for (var i = 0; i < 5; i++)
        {
            await outbox.EnqueueAsync(Message("tenant-b", i), None);
        }

        await WaitUntilAsync(() => handler.Handled.Count(h => h.TenantId == "tenant-b") == 5);
        await worker.StopAsync(None);

        var bDone = handler.Handled.Where(h => h.TenantId == "tenant-b").Max(h => h.At);
        var aLeft = 200 - handler.Handled.Count(h => h.TenantId == "tenant-a");
        Assert.True(bDone - bQueued < TimeSpan.FromSeconds(2), $"tenant B's messages took {(bDone - bQueued).TotalMilliseconds:F0} ms");
        Assert.True(aLeft > 0, "tenant A's backlog was finished before B's messages: the test did not show anything");
        Assert.NotEqual(outbox.QueueNameFor("tenant-a"), outbox.QueueNameFor("tenant-b"));
    }

    [Fact]
    public async Task Worker_ATenantQueueMadeByAnotherInstance_IsFoundAndDrained()
    {
        var prefix = azurite.NewTablePrefix();
        var handler = new TimedHandler(_ => TimeSpan.Zero);
        var options = Options.Create(new OutboxOptions { PollInterval = TimeSpan.FromMilliseconds(50), QueueScanInterval = TimeSpan.FromMilliseconds(200) });
        using var worker = new OutboxWorker(NewOutbox(prefix), [handler], options, TimeProvider.System, NullLogger<OutboxWorker>.Instance);
        await worker.StartAsync(None);

        var otherInstance = NewOutbox(prefix);
        await otherInstance.EnqueueAsync(Message("tenant-c", 1), None);

        await WaitUntilAsync(() => !handler.Handled.IsEmpty);
        await worker.StopAsync(None);
        Assert.Equal("tenant-c", Assert.Single(handler.Handled).TenantId);
        Assert.Contains(otherInstance.QueueNameFor("tenant-c"), await otherInstance.ListQueuesAsync(None));
        Assert.Equal(0, await otherInstance.ApproximateCountAsync(None));
    }

    [Fact]
    public async Task Worker_ListingTheQueuesAgain_DoesNotStartASecondLoopForAQueue()
    {
        var prefix = azurite.NewTablePrefix();
        var outbox = NewOutbox(prefix);
        for (var i = 0; i < 30; i++)
        {
            await outbox.EnqueueAsync(Message("tenant-a", i), None);
        }

        // Ten listings while the 30 messages are handled two at a time, 100 ms each.
        var handler = new TimedHandler(_ => TimeSpan.FromMilliseconds(100));
        var options = Options.Create(new OutboxOptions { PollInterval = TimeSpan.FromMilliseconds(20), Concurrency = 2, QueueScanInterval = TimeSpan.FromMilliseconds(100) });
        using var worker = new OutboxWorker(outbox, [handler], options, TimeProvider.System, NullLogger<OutboxWorker>.Instance);
        await worker.StartAsync(None);
        await WaitUntilAsync(() => handler.Handled.Count == 30);
        await worker.StopAsync(None);

        Assert.InRange(handler.MostAtOnce, 1, 2);
    }

    [Theory]
    [InlineData("00000000-0000-4000-8000-00000000fa00")]
    [InlineData("テナント/#?")]
    [InlineData("A")]
    public void QueueNameFor_AnyTenantId_IsAValidQueueName_TheSameForAnyCase(string tenant)
    {
        var outbox = NewOutbox("Pre1");

        var name = outbox.QueueNameFor(tenant);

        Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", name);
        Assert.InRange(name.Length, 3, 63);
        Assert.Equal(name, outbox.QueueNameFor(tenant.ToUpperInvariant()));
        Assert.Equal("pre1outbox", outbox.QueueNameFor(""));
    }

    private OutboxClient NewOutbox(string prefix) =>
        new(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix }), NullLogger<OutboxClient>.Instance);

    private static OutboxMessage Message(string tenant, int i) => new() { Kind = "test", ReviewId = "r1", TenantId = tenant, Email = $"m{i}@city.example.jp" };

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }

    private sealed class TimedHandler(Func<OutboxMessage, TimeSpan> takes) : IOutboxHandler
    {
        private int _atOnce;
        private int _mostAtOnce;

        public ConcurrentQueue<(string TenantId, DateTimeOffset At)> Handled { get; } = new();

        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        public string Kind => "test";

        public async Task<bool> HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _atOnce);
            for (var most = Volatile.Read(ref _mostAtOnce); now > most && Interlocked.CompareExchange(ref _mostAtOnce, now, most) != most; most = Volatile.Read(ref _mostAtOnce))
            {
            }

            await Task.Delay(takes(message), CancellationToken.None);
            Interlocked.Decrement(ref _atOnce);
            Handled.Enqueue((message.TenantId, DateTimeOffset.UtcNow));
            return true;
        }
    }
}
