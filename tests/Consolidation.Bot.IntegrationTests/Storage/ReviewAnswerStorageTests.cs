using Azure.Data.Tables;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public class ReviewAnswerStorageTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Answer_Accepted_StoresHistoryAndStateTogether()
    {
        var s = new ReviewStorage(azurite);
        await s.SeedAsync(1);

        var result = await s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-0001", ReviewStorage.Keep, 2, None);

        Assert.Equal(SubmissionStatus.Accepted, result.Status);
        var stored = await s.Repository.GetTaskAsync("r1", "J-0001", None);
        Assert.Equal(Stage.Wg, stored!.Task.Stage);
        Assert.Equal(3, stored.Task.State.Version);
        Assert.Equal(ReviewStorage.Keep, stored.Task.State.PreWg!.Answer);
        var history = await s.Repository.GetHistoryAsync("r1", "J-0001", None);
        Assert.Equal([HistoryKind.StageOpened, HistoryKind.Answer], history.Select(h => h.Kind));
        Assert.Equal(2, history[1].CardVersion);
        Assert.Equal(3, history[1].ResultingVersion);
        Assert.Equal(ReviewStorage.Keep, history[1].Answer);
        Assert.Equal("ward1@city.example.jp", history[1].By);
    }

    [Fact]
    public async Task Answer_WritesTheStateAndOneHistoryRow_NothingElse()
    {
        var s = new ReviewStorage(azurite);
        await s.SeedAsync(1);
        var before = await SnapshotRowsAsync(s);

        Assert.Equal(SubmissionStatus.Accepted, (await s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-0001", ReviewStorage.Keep, 2, None)).Status);

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
        Assert.Equal(SubmissionStatus.Accepted, (await s.Decisions.OverrideAsync("r1", ReviewStorage.Secretariat, "J-0001", ReviewStorage.Keep, "訂正", None)).Status);

        // The history row of version 3 is the secretariat's override, not this member's answer to card 2.
        var result = await s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-0001", ReviewStorage.Keep, 2, None);

        Assert.Equal((SubmissionStatus.Refused, DecisionError.Stale), (result.Status, result.Error));
    }

    [Fact]
    public async Task Answer_SameSubmissionTwice_StoredOnceSecondIsDuplicate()
    {
        var s = new ReviewStorage(azurite);
        await s.SeedAsync(1);

        var first = await s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-0001", ReviewStorage.Keep, 2, None);
        var second = await s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-0001", ReviewStorage.Keep, 2, None);

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
            "other" => await s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(7), "J-0001", ReviewStorage.Keep, 2, None),
            "stale" => await s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-0001", ReviewStorage.Keep, 1, None),
            "invalid" => await s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-0001", new PreWgAnswer { Decision = PreWgDecision.Exclude }, 2, None),
            _ => await s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-9999", ReviewStorage.Keep, 2, None),
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
            s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(i), $"J-{i:D4}", ReviewStorage.Keep, 2, None)));

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
            s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-0001", ReviewStorage.Keep with { AnnualCases = i }, 2, None)));

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
            s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-0001", ReviewStorage.Keep, 2, None)));

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
            s.Decisions.OverrideAsync("r1", ReviewStorage.Secretariat, "J-0001", ReviewStorage.Keep with { AnnualCases = i }, $"訂正{i}", None)));

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
