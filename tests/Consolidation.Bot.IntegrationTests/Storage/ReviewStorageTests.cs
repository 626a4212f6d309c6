using Azure.Data.Tables;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public class ReviewStorageTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static PreWgAnswer Keep => new() { Routine = true, Decision = PreWgDecision.Keep, AnnualCases = 10 };

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
        await s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-0001", Keep, 2, None);
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

    [Fact]
    public async Task Answer_Accepted_StoresHistoryAndStateTogether()
    {
        var s = new ReviewStorage(azurite);
        await s.SeedAsync(1);

        var result = await s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-0001", Keep, 2, None);

        Assert.Equal(SubmissionStatus.Accepted, result.Status);
        var stored = await s.Repository.GetTaskAsync("r1", "J-0001", None);
        Assert.Equal(Stage.Wg, stored!.Task.Stage);
        Assert.Equal(3, stored.Task.State.Version);
        Assert.Equal(Keep, stored.Task.State.PreWg!.Answer);
        var history = await s.Repository.GetHistoryAsync("r1", "J-0001", None);
        Assert.Equal([HistoryKind.StageOpened, HistoryKind.Answer], history.Select(h => h.Kind));
        Assert.Equal(2, history[1].CardVersion);
        Assert.Equal(3, history[1].ResultingVersion);
        Assert.Equal(Keep, history[1].Answer);
        Assert.Equal("ward1@city.example.jp", history[1].By);
    }

    [Fact]
    public async Task Answer_WritesTheStateAndOneHistoryRow_NothingElse()
    {
        var s = new ReviewStorage(azurite);
        await s.SeedAsync(1);
        var before = await SnapshotRowsAsync(s);

        Assert.Equal(SubmissionStatus.Accepted, (await s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-0001", Keep, 2, None)).Status);

        var after = await SnapshotRowsAsync(s);
        var written = after.Except(before).Select(r => string.Join('/', r.Split('/').Take(3))).Order(StringComparer.Ordinal);
        Assert.Equal([$"{TableNames.ReviewData}/r1/hist|J-0001|000003", $"{TableNames.ReviewData}/r1/state|J-0001"], written);
        Assert.Single(before.Except(after));
    }

    [Fact]
    public async Task Answer_CardAnsweredByAnOverride_RefusedStaleNotDuplicate()
    {
        var s = new ReviewStorage(azurite);
        await s.SeedAsync(1);
        Assert.Equal(SubmissionStatus.Accepted, (await s.Decisions.OverrideAsync("r1", ReviewStorage.Secretariat, "J-0001", Keep, "訂正", None)).Status);

        // The history row of version 3 is the secretariat's override, not this member's answer to card 2.
        var result = await s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-0001", Keep, 2, None);

        Assert.Equal((SubmissionStatus.Refused, DecisionError.Stale), (result.Status, result.Error));
    }

    [Fact]
    public async Task Answer_SameSubmissionTwice_StoredOnceSecondIsDuplicate()
    {
        var s = new ReviewStorage(azurite);
        await s.SeedAsync(1);

        var first = await s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-0001", Keep, 2, None);
        var second = await s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-0001", Keep, 2, None);

        Assert.Equal(SubmissionStatus.Accepted, first.Status);
        Assert.Equal(SubmissionStatus.Duplicate, second.Status);
        Assert.Equal(3, second.Task!.State.Version);
        Assert.Equal(2, (await s.Repository.GetHistoryAsync("r1", "J-0001", None)).Count);
    }

    [Theory]
    [InlineData("other")]
    [InlineData("stale")]
    [InlineData("invalid")]
    [InlineData("missing")]
    public async Task Answer_Refused_LeavesEveryRowExactlyAsItWas(string kind)
    {
        var s = new ReviewStorage(azurite);
        await s.SeedAsync(1);
        var before = await SnapshotRowsAsync(s);

        var result = kind switch
        {
            "other" => await s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(7), "J-0001", Keep, 2, None),
            "stale" => await s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-0001", Keep, 1, None),
            "invalid" => await s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-0001", new PreWgAnswer { Decision = PreWgDecision.Exclude }, 2, None),
            _ => await s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-9999", Keep, 2, None),
        };

        Assert.Equal(kind == "missing" ? SubmissionStatus.NotFound : SubmissionStatus.Refused, result.Status);
        Assert.Equal(before, await SnapshotRowsAsync(s));
    }

    [Fact]
    public async Task FiftyConcurrentAnswers_DifferentTasks_AllStoredExactlyOnce()
    {
        var s = new ReviewStorage(azurite);
        await s.SeedAsync(50, oneAssigneeEach: true);

        var results = await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
            s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(i), $"J-{i:D4}", Keep, 2, None)));

        Assert.All(results, r => Assert.Equal(SubmissionStatus.Accepted, r.Status));
        var snapshot = await s.Repository.LoadAsync("r1", None);
        Assert.All(snapshot!.Tasks, t => Assert.Equal((Stage.Wg, 3), (t.Stage, t.State.Version)));
        var history = await s.Repository.GetHistoryAsync("r1", null, None);
        Assert.Equal(50, history.Count(h => h.Kind == HistoryKind.Answer));
        Assert.Equal(50, ReviewQueries.Funnel(snapshot.Tasks).PreWgKept);
    }

    [Fact]
    public async Task FiftyConcurrentAnswers_SameTaskSameCard_ExactlyOneStoredOthersRefusedStale()
    {
        var s = new ReviewStorage(azurite);
        await s.SeedAsync(1);

        var results = await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
            s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-0001", Keep with { AnnualCases = i }, 2, None)));

        Assert.Equal(1, results.Count(r => r.Status == SubmissionStatus.Accepted));
        Assert.Equal(49, results.Count(r => r.Status == SubmissionStatus.Refused && r.Error == DecisionError.Stale));
        var stored = await s.Repository.GetTaskAsync("r1", "J-0001", None);
        var accepted = (PreWgAnswer)results.Single(r => r.Status == SubmissionStatus.Accepted).Task!.State.PreWg!.Answer;
        Assert.Equal(accepted, stored!.Task.State.PreWg!.Answer);
        Assert.Equal(3, stored.Task.State.Version);
        Assert.Single(await s.Repository.GetHistoryAsync("r1", "J-0001", None), h => h.Kind == HistoryKind.Answer);
    }

    [Fact]
    public async Task FiftyConcurrentRedeliveries_SameAnswer_ExactlyOneStoredOthersDuplicates()
    {
        var s = new ReviewStorage(azurite);
        await s.SeedAsync(1);

        var results = await Task.WhenAll(Enumerable.Range(1, 50).Select(_ =>
            s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-0001", Keep, 2, None)));

        Assert.Equal(1, results.Count(r => r.Status == SubmissionStatus.Accepted));
        Assert.Equal(49, results.Count(r => r.Status == SubmissionStatus.Duplicate));
        Assert.All(results, r => Assert.Equal(3, r.Task!.State.Version));
        Assert.Single(await s.Repository.GetHistoryAsync("r1", "J-0001", None), h => h.Kind == HistoryKind.Answer);
    }

    [Fact]
    public async Task FiftyConcurrentOverrides_SameTask_EveryOneRetriedOnFreshDataAndInHistory()
    {
        var s = new ReviewStorage(azurite);
        await s.SeedAsync(1);

        var results = await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
            s.Decisions.OverrideAsync("r1", ReviewStorage.Secretariat, "J-0001", Keep with { AnnualCases = i }, $"訂正{i}", None)));

        Assert.All(results, r => Assert.Equal(SubmissionStatus.Accepted, r.Status));
        var history = await s.Repository.GetHistoryAsync("r1", "J-0001", None);
        var overrides = history.Where(h => h.Kind == HistoryKind.Override).ToList();
        Assert.Equal(50, overrides.Count);
        Assert.Equal(Enumerable.Range(3, 50), overrides.Select(h => h.ResultingVersion).Order());
        Assert.Equal(Enumerable.Range(1, 50), overrides.Select(h => ((PreWgAnswer)h.Answer!).AnnualCases!.Value).Order());
        var stored = await s.Repository.GetTaskAsync("r1", "J-0001", None);
        Assert.Equal(52, stored!.Task.State.Version);
        Assert.Equal(overrides.MaxBy(h => h.ResultingVersion)!.Answer, stored.Task.State.PreWg!.Answer);
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

    /// <summary>Every row of the review tables with its ETag: any write, even of equal values, changes it.</summary>
    private static async Task<List<string>> SnapshotRowsAsync(ReviewStorage s)
    {
        var rows = new List<string>();
        foreach (var name in new[] { TableNames.ReviewData, TableNames.Reviews })
        {
            var table = await s.Tables.GetAsync(name, None);
            await foreach (var row in table.QueryAsync<TableEntity>())
            {
                rows.Add($"{name}/{row.PartitionKey}/{row.RowKey}/{row.ETag}");
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
