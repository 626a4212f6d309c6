using Azure.Data.Tables;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public class ReviewImportStorageTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Import_ThenLoad_ReturnsTasksInFileOrderAndMembers()
    {
        var s = new ReviewStorage(azurite);
        var tasks = new[] { ReviewStorage.Task(3), ReviewStorage.Task(1), ReviewStorage.Task(2) };

        var outcome = await s.Writer.WriteAsync("r1", "令和8年度", tasks, [ReviewStorage.Assignee(1), ReviewStorage.Secretariat], false, s.Time.GetUtcNow(), None);
        var snapshot = await s.Repository.LoadAsync("r1", None);

        Assert.Equal(ImportWriteOutcome.Imported, outcome);
        Assert.Equal(["J-0003", "J-0001", "J-0002"], snapshot!.Tasks.Select(t => t.Id));
        Assert.Equal(tasks[0], snapshot.Tasks[0].Definition);
        Assert.All(snapshot.Tasks, t => Assert.Equal(Stage.Inventory, t.Stage));
        Assert.Equal(2, snapshot.Members.Count);
        Assert.Equal(MemberRole.Secretariat, snapshot.MemberByEmail("YAMADA@city.example.jp")!.Role);
    }

    [Fact]
    public async Task Import_SameContentTwice_SecondChangesNothing()
    {
        var s = new ReviewStorage(azurite);
        var tasks = new[] { ReviewStorage.Task(1), ReviewStorage.Task(2) };
        await s.Writer.WriteAsync("r1", "n", tasks, [ReviewStorage.Assignee(1)], false, s.Time.GetUtcNow(), None);
        var before = await s.Catalog.GetReviewAsync("r1", None);

        var outcome = await s.Writer.WriteAsync("r1", "n", tasks.Select(t => t with { }).ToList(), [ReviewStorage.Assignee(1)], false, s.Time.GetUtcNow().AddHours(1), None);

        Assert.Equal(ImportWriteOutcome.Unchanged, outcome);
        var after = await s.Catalog.GetReviewAsync("r1", None);
        Assert.Equal(before!.ETag, after!.ETag);
        Assert.Equal(1, after.Generation);
    }

    [Fact]
    public async Task Import_ChangedContent_NewGenerationKeepsStatesAndDropsOldGeneration()
    {
        var s = new ReviewStorage(azurite);
        await s.SeedAsync(2);
        await s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-0001", ReviewStorage.Keep, 2, None);
        var firstPartition = ReviewKeys.DefinitionPartitionOf("r1", (await s.Catalog.ReadReviewAsync("r1", None))!);
        Assert.NotEmpty(await RowsAsync(s, firstPartition));

        var renamed = new[] { ReviewStorage.Task(1) with { Name = "事務1（改）" }, ReviewStorage.Task(2), ReviewStorage.Task(3) };
        var outcome = await s.Writer.WriteAsync("r1", "テスト", renamed, null, false, s.Time.GetUtcNow(), None);

        Assert.Equal(ImportWriteOutcome.Imported, outcome);
        var snapshot = await s.Repository.LoadAsync("r1", None);
        Assert.Equal(2, snapshot!.Generation);
        Assert.Equal("事務1（改）", snapshot.Tasks[0].Definition.Name);
        Assert.Equal(Stage.Wg, snapshot.Tasks[0].Stage);
        Assert.Equal(Stage.Inventory, snapshot.Tasks[2].Stage);
        Assert.Equal(2, snapshot.Members.Count);
        Assert.Empty(await RowsAsync(s, firstPartition));
    }

    [Fact]
    public async Task Import_MemberWithSeveralRoles_ReadBackWithAllOfThem()
    {
        var s = new ReviewStorage(azurite);
        var lead = ReviewStorage.Assignee(1) with { Role = MemberRole.Lead, AdditionalRoles = [MemberRole.Council, MemberRole.Overview] };
        await s.Writer.WriteAsync("r1", "n", [ReviewStorage.Task(1)], [lead], false, s.Time.GetUtcNow(), None);

        var stored = (await s.Repository.LoadAsync("r1", None))!.MemberByEmail(lead.Email)!;

        Assert.Equal(MemberRole.Lead, stored.Role);
        Assert.Equal([MemberRole.Council, MemberRole.Overview], stored.AdditionalRoles);
        Assert.Equal(lead, stored);
    }

    [Fact]
    public async Task Import_TwoAtOnce_TwentyRounds_OneWinsAndTheReviewIsNeverEmptyOrMixed()
    {
        var s = new ReviewStorage(azurite);
        await s.Writer.WriteAsync("r1", "n", [ReviewStorage.Task(1)], [ReviewStorage.Assignee(1)], false, s.Time.GetUtcNow(), None);
        for (var round = 0; round < 20; round++)
        {
            // Two different contents of the same review, written concurrently by two writers (two CLI runs).
            var a = Enumerable.Range(1, 120).Select(i => ReviewStorage.Task(i) with { Name = $"A{round}-{i}" }).ToList();
            var b = Enumerable.Range(1, 90).Select(i => ReviewStorage.Task(i) with { Name = $"B{round}-{i}" }).ToList();
            var other = new ReviewStorage(azurite, tablesOf: s);
            var outcomes = await Task.WhenAll(
                s.Writer.WriteAsync("r1", "n", a, null, false, s.Time.GetUtcNow(), None),
                other.Writer.WriteAsync("r1", "n", b, null, false, s.Time.GetUtcNow(), None));

            Assert.Contains(ImportWriteOutcome.Imported, outcomes);
            var review = (await s.Catalog.ReadReviewAsync("r1", None))!;
            var names = (await new ReviewStorage(azurite, tablesOf: s).Repository.LoadAsync("r1", None))!.Tasks.Select(t => t.Definition.Name).ToList();
            var expected = names.Count == 120 ? a.Select(t => t.Name) : b.Select(t => t.Name);
            Assert.Equal(expected, names); // all of one import, nothing of the other
            if (outcomes.Contains(ImportWriteOutcome.LostRace))
            {
                Assert.Single(outcomes, ImportWriteOutcome.LostRace);
            }

            // Only the published partition holds definitions: the loser removed its own rows, the winner the old ones.
            var partitions = await DefinitionPartitionsAsync(s, "r1");
            Assert.Equal([ReviewKeys.DefinitionPartitionOf("r1", review)], partitions);
        }
    }

    [Fact]
    public async Task Import_DefinitionsWrittenButNotPublished_AreInvisible()
    {
        var s = new ReviewStorage(azurite);
        await s.Writer.WriteAsync("r1", "n", [ReviewStorage.Task(1)], [ReviewStorage.Assignee(1)], false, s.Time.GetUtcNow(), None);
        var table = await TableAsync(s);
        await table.UpsertEntityAsync(ReviewEntityMapper.ToEntity(ReviewStorage.Task(99), ReviewKeys.DefinitionPartition("r1", 2), 0));

        var snapshot = await s.Repository.LoadAsync("r1", None);

        Assert.Equal(["J-0001"], snapshot!.Tasks.Select(t => t.Id));
    }

    [Fact]
    public async Task Publish_WithStaleETag_LosesAndLeavesCurrentGeneration()
    {
        var s = new ReviewStorage(azurite);
        await s.Writer.WriteAsync("r1", "n", [ReviewStorage.Task(1)], [ReviewStorage.Assignee(1)], false, s.Time.GetUtcNow(), None);
        var read = await s.Catalog.GetReviewAsync("r1", None);
        await s.Writer.WriteAsync("r1", "n", [ReviewStorage.Task(2)], null, false, s.Time.GetUtcNow(), None);

        var stale = await s.Catalog.TryPublishAsync(new ReviewRowEntity { RowKey = "r1", Name = "x", Generation = 9 }, read!.ETag, None);

        Assert.False(stale);
        Assert.Equal(2, (await s.Catalog.GetReviewAsync("r1", None))!.Generation);
    }

    private static Task<TableClient> TableAsync(ReviewStorage s) => s.Tables.GetAsync(TableNames.ReviewData, None);

    private static async Task<List<string>> DefinitionPartitionsAsync(ReviewStorage s, string reviewId)
    {
        var table = await TableAsync(s);
        var prefix = ReviewKeys.DefinitionPartition(reviewId, 0)[..^6];
        var partitions = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {prefix + "~~"}"), select: ["PartitionKey"]))
        {
            partitions.Add(row.PartitionKey);
        }

        return [.. partitions];
    }

    private static async Task<List<string>> RowsAsync(ReviewStorage s, string partition)
    {
        var table = await TableAsync(s);
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")))
        {
            rows.Add(row.RowKey);
        }

        return rows;
    }
}
