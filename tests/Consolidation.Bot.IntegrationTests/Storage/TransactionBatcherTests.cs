using System.Collections.Concurrent;
using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Storage;
using Consolidation.Bot.Testing;

namespace Consolidation.Bot.IntegrationTests.Storage;

/// <summary>
/// Group commit against Azurite: callers that arrive while a transaction is in flight share the next one, yet each
/// caller's actions still commit all together or not at all, and a failure is reported to the caller it belongs to.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class TransactionBatcherTests(AzuriteFixture azurite)
{
    private const string Partition = "p";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task CallersArrivingWhileOneIsInFlight_ShareTransactionsOfAtMost100Actions_AndEachGetsItsETags()
    {
        var table = await GatedTable.CreateAsync(azurite);
        var batcher = new TransactionBatcher();
        var first = batcher.SubmitAsync(table, Inserts("first", 1), None);
        await table.FirstCallStarted;

        // Five callers of 30 actions queue behind it: 90 fit in one transaction, the other 60 in the next.
        var queued = Enumerable.Range(1, 5).Select(i => batcher.SubmitAsync(table, Inserts($"c{i}", 30), None)).ToList();
        table.Release();
        var outcomes = await Task.WhenAll(queued.Prepend(first));

        Assert.All(outcomes, o => Assert.True(o.IsCommitted));
        Assert.All(outcomes.Skip(1), o => Assert.Equal(30, o.ETags.Count));
        Assert.All(outcomes.SelectMany(o => o.ETags), e => Assert.NotNull(e));
        Assert.Equal([1, 90, 60], table.ActionsPerTransaction);
        Assert.Equal(151, await table.CountRowsAsync());
    }

    [Fact]
    public async Task OneCallersStaleETag_FailsOnlyThatCaller_WithItsOwnActionIndex_AndNoneOfItsRowsWritten()
    {
        var table = await GatedTable.CreateAsync(azurite);
        var stale = (await table.Inner.AddEntityAsync(new TableEntity(Partition, "guarded") { ["Value"] = 1 })).Headers.ETag!.Value;
        await table.Inner.UpdateEntityAsync(new TableEntity(Partition, "guarded") { ["Value"] = 2 }, ETag.All, TableUpdateMode.Replace);
        var batcher = new TransactionBatcher();
        var first = batcher.SubmitAsync(table, Inserts("first", 1), None);
        await table.FirstCallStarted;

        var before = batcher.SubmitAsync(table, Inserts("before", 3), None);
        var loser = batcher.SubmitAsync(table,
            [new(TableTransactionActionType.Add, new TableEntity(Partition, "loser-0")),
             new(TableTransactionActionType.UpdateReplace, new TableEntity(Partition, "guarded") { ["Value"] = 3 }, stale)], None);
        var after = batcher.SubmitAsync(table, Inserts("after", 3), None);
        table.Release();

        var lost = await loser;
        Assert.Equal(412, lost.FailedStatus);
        Assert.Equal(1, lost.FailedActionIndex);
        Assert.True((await before).IsCommitted);
        Assert.True((await after).IsCommitted);
        Assert.True((await first).IsCommitted);
        Assert.False((await table.Inner.GetEntityIfExistsAsync<TableEntity>(Partition, "loser-0")).HasValue);
        Assert.Equal(2, (await table.Inner.GetEntityAsync<TableEntity>(Partition, "guarded")).Value.GetInt32("Value"));
        Assert.Equal(1 + 1 + 3 + 3, await table.CountRowsAsync()); // guarded, first, before, after
        Assert.Equal([1, 8, 6], table.ActionsPerTransaction);        // the group failed, then went again without the loser
    }

    [Fact]
    public async Task CallersWritingTheSameRow_GoInSeparateTransactions_InArrivalOrder()
    {
        var table = await GatedTable.CreateAsync(azurite);
        var batcher = new TransactionBatcher();
        var first = batcher.SubmitAsync(table, Inserts("first", 1), None);
        await table.FirstCallStarted;

        var one = batcher.SubmitAsync(table, [Upsert("shared", 1), Upsert("own-1", 1)], None);
        var two = batcher.SubmitAsync(table, [Upsert("shared", 2)], None);
        var three = batcher.SubmitAsync(table, [Upsert("own-3", 3)], None);
        table.Release();

        Assert.All(await Task.WhenAll(first, one, two, three), o => Assert.True(o.IsCommitted));
        Assert.Equal([1, 3, 1], table.ActionsPerTransaction); // "two" waited for the transaction after "one"'s
        Assert.Equal(2, (await table.Inner.GetEntityAsync<TableEntity>(Partition, "shared")).Value.GetInt32("Value"));
    }

    [Fact]
    public async Task CallerCancelledWhileQueued_IsCancelledAndNotWritten_OthersCommit()
    {
        var table = await GatedTable.CreateAsync(azurite);
        var batcher = new TransactionBatcher();
        var first = batcher.SubmitAsync(table, Inserts("first", 1), None);
        await table.FirstCallStarted;

        using var cancel = new CancellationTokenSource();
        var cancelled = batcher.SubmitAsync(table, Inserts("cancelled", 2), cancel.Token);
        var kept = batcher.SubmitAsync(table, Inserts("kept", 2), None);
        await cancel.CancelAsync();
        table.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.True((await kept).IsCommitted);
        Assert.True((await first).IsCommitted);
        Assert.False((await table.Inner.GetEntityIfExistsAsync<TableEntity>(Partition, "cancelled-0")).HasValue);
        Assert.Equal(3, await table.CountRowsAsync());
    }

    [Fact]
    public async Task StoreUnreachable_EveryCallerOfTheGroupGetsTheError()
    {
        // A port nobody listens on, no retries: the transport fails as when Azurite or Azure Storage is down.
        var options = new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(5) } };
        var unreachable = new TableClient(new Uri($"http://127.0.0.1:{FreePort.Next()}/devstoreaccount1"), "nowhere",
            new TableSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[64])), options);
        var batcher = new TransactionBatcher();

        var callers = Enumerable.Range(1, 8).Select(i => batcher.SubmitAsync(unreachable, Inserts($"c{i}", 2), None)).ToList();

        foreach (var caller in callers)
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => caller);
            Assert.IsNotType<TableTransactionFailedException>(error);
            Assert.True(StorageFailures.IsUnavailable(error), error.ToString());
        }
    }

    private static List<TableTransactionAction> Inserts(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(Partition, $"{prefix}-{i}"))).ToList();

    private static TableTransactionAction Upsert(string row, int value) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(Partition, row) { ["Value"] = value });

    /// <summary>
    /// A real Azurite table whose first transaction waits until <see cref="Release"/>, so that the callers submitted
    /// meanwhile are queued behind it; records the size of every transaction it forwards.
    /// </summary>
    private sealed class GatedTable : TableClient
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<int> _sizes = new();

        private GatedTable(TableClient inner) => Inner = inner;

        public TableClient Inner { get; }

        public Task FirstCallStarted => _started.Task;

        public IReadOnlyList<int> ActionsPerTransaction => [.. _sizes];

        public override string Name => Inner.Name;

        public static async Task<GatedTable> CreateAsync(AzuriteFixture azurite)
        {
            var inner = new TableServiceClient(azurite.ConnectionString).GetTableClient(azurite.NewTablePrefix() + "batch");
            await inner.CreateIfNotExistsAsync();
            return new GatedTable(inner);
        }

        public void Release() => _released.TrySetResult();

        public override async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(
            IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default)
        {
            var actions = transactionActions.ToList();
            _sizes.Enqueue(actions.Count);
            if (_started.TrySetResult())
            {
                await _released.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }

            return await Inner.SubmitTransactionAsync(actions, cancellationToken);
        }

        public async Task<int> CountRowsAsync()
        {
            var count = 0;
            await foreach (var _ in Inner.QueryAsync<TableEntity>(select: ["RowKey"]))
            {
                count++;
            }

            return count;
        }
    }
}
