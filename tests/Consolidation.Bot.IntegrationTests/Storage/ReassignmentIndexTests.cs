using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.IntegrationTests.Storage;

/// <summary>
/// The reassignment index on Azurite: a review's rows are read once per epoch (not once per member), shared by the turns
/// that ask at the same time, and read again when the epoch moves.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class ReassignmentIndexTests(AzuriteFixture azurite)
{
    private const string ReviewId = "review-1";

    [Fact]
    public async Task ManyMembersAtOnce_OneReadForTheEpoch_EachGetsTheirOwnTasks()
    {
        var (table, requests) = await NewTableAsync();
        await AddAsync(table, "Kita@City.example.jp", "J-0001", "J-0007");
        await AddAsync(table, "sato.k@city.example.jp", "J-0002");
        var index = new ReassignmentIndex();
        requests.Count = 0;

        var lists = await Task.WhenAll(Enumerable.Range(0, 32).Select(i =>
            index.TaskIdsAsync(table, ReviewId, (i % 3) switch { 0 => "kita@city.example.jp", 1 => "SATO.K@city.example.jp", _ => $"m{i}@city.example.jp" }, "epoch-1", CancellationToken.None)));

        Assert.Equal(1, requests.Count);
        Assert.Equal(["J-0001", "J-0007"], lists[0]);
        Assert.Equal(["J-0002"], lists[1]);
        Assert.Empty(lists[2]);
    }

    [Fact]
    public async Task ARowWrittenLater_SeenWhenTheEpochMoves_NotBefore()
    {
        var (table, requests) = await NewTableAsync();
        var index = new ReassignmentIndex();
        Assert.Empty(await index.TaskIdsAsync(table, ReviewId, "kita@city.example.jp", "epoch-1", CancellationToken.None));

        // Every reassignment moves the epoch in the same transaction; within the old epoch the index is not read again.
        await AddAsync(table, "kita@city.example.jp", "J-0003");
        requests.Count = 0;
        Assert.Empty(await index.TaskIdsAsync(table, ReviewId, "kita@city.example.jp", "epoch-1", CancellationToken.None));
        Assert.Equal(0, requests.Count);

        Assert.Equal(["J-0003"], await index.TaskIdsAsync(table, ReviewId, "kita@city.example.jp", "epoch-2", CancellationToken.None));
        Assert.Equal(1, requests.Count);
    }

    [Fact]
    public async Task TheStoreFailing_IsNotRemembered_TheNextTurnReadsAgain()
    {
        var (table, requests) = await NewTableAsync();
        var index = new ReassignmentIndex();
        var missing = new TableClient(azurite.ConnectionString, table.Name + "missing");

        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => index.TaskIdsAsync(missing, ReviewId, "kita@city.example.jp", "epoch-1", CancellationToken.None));
        await AddAsync(table, "kita@city.example.jp", "J-0004");

        Assert.Equal(["J-0004"], await index.TaskIdsAsync(table, ReviewId, "kita@city.example.jp", "epoch-1", CancellationToken.None));
    }

    private async Task<(TableClient Table, RequestCounter Requests)> NewTableAsync()
    {
        var requests = new RequestCounter();
        var options = new TableClientOptions();
        options.AddPolicy(requests, HttpPipelinePosition.PerCall);
        var table = new TableClient(azurite.ConnectionString, azurite.NewTablePrefix() + "ReviewData", options);
        await table.CreateIfNotExistsAsync();
        return (table, requests);
    }

    private static async Task AddAsync(TableClient table, string email, params string[] taskIds)
    {
        foreach (var taskId in taskIds)
        {
            var action = await ReassignmentIndex.AddActionAsync(table, ReviewId, email, taskId, CancellationToken.None);
            await table.SubmitTransactionAsync([action]);
        }
    }

    private sealed class RequestCounter : HttpPipelineSynchronousPolicy
    {
        private int _count;

        public int Count { get => Volatile.Read(ref _count); set => Volatile.Write(ref _count, value); }

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
    }
}
