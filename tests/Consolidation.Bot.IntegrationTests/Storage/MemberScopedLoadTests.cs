using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.IntegrationTests.Storage;

/// <summary>The member-scoped load (outbox sends) and the in-memory cache of published definitions.</summary>
[Collection(AzuriteCollection.Name)]
public class MemberScopedLoadTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task LoadForMember_HasOnlyTheMembersTasks_WithTheSameStatesAsTheFullLoad()
    {
        var s = new ReviewStorage(azurite);
        await s.SeedAsync(6, oneAssigneeEach: true);
        await s.Decisions.AnswerAsync(ReviewStorage.ReviewId, ReviewStorage.Assignee(2), "J-0002",
            new PreWgAnswer { Routine = true, Decision = PreWgDecision.Keep, AnnualCases = 10 }, 2, None);

        var full = await s.Repository.LoadAsync(ReviewStorage.ReviewId, None);
        var scoped = await s.Repository.LoadForMemberAsync(ReviewStorage.ReviewId, "WARD2@city.example.jp", None);

        Assert.Equal(["J-0002"], scoped!.Tasks.Select(t => t.Id));
        Assert.Equal(full!.Tasks.Single(t => t.Id == "J-0002"), scoped.Tasks[0]);
        Assert.NotNull(scoped.Tasks[0].State.OutcomeOf(Stage.PreWg));
        Assert.Equal(full.Members, scoped.Members);
        Assert.Equal(full.Windows, scoped.Windows);
        Assert.Empty((await s.Repository.LoadForMemberAsync(ReviewStorage.ReviewId, "nobody@city.example.jp", None))!.Tasks);
    }

    [Fact]
    public async Task LoadForMember_ManyTasks_ReadsTheStateRangeWithTheSameResult()
    {
        var s = new ReviewStorage(azurite);
        await s.SeedAsync(45);

        var scoped = await s.Repository.LoadForMemberAsync(ReviewStorage.ReviewId, ReviewStorage.Assignee(1).Email, None);
        var full = await s.Repository.LoadAsync(ReviewStorage.ReviewId, None);

        Assert.Equal(45, scoped!.Tasks.Count);
        Assert.Equal(full!.Tasks, scoped.Tasks);
    }

    [Fact]
    public async Task ReviewDeletedAndImportedAgainUnderTheSameId_LoadsTheNewDefinitionsNotTheCachedOnes()
    {
        var s = new ReviewStorage(azurite);
        await s.Writer.WriteAsync("r9", "old", [ReviewStorage.Task(1)], [ReviewStorage.Assignee(1)], false, s.Time.GetUtcNow(), None);
        Assert.Equal("事務1", (await s.Repository.LoadAsync("r9", None))!.Tasks.Single().Definition.Name);

        await s.Writer.DeleteReviewAsync("r9", None);
        await s.Writer.WriteAsync("r9", "new", [ReviewStorage.Task(1) with { Name = "新しい事務" }], [ReviewStorage.Assignee(1)], false, s.Time.GetUtcNow(), None);

        Assert.Equal(1, (await s.Catalog.GetReviewAsync("r9", None))!.Generation);
        Assert.Equal("新しい事務", (await s.Repository.LoadAsync("r9", None))!.Tasks.Single().Definition.Name);
        Assert.Equal("新しい事務", (await s.Repository.GetTaskAsync("r9", "J-0001", None))!.Task.Definition.Name);
    }
}

/// <summary>The whole-review read keeps task states in memory and catches up with one query for what changed.</summary>
[Collection(AzuriteCollection.Name)]
public class IncrementalLoadTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task LoadAsync_AfterAnotherInstanceAnswers_SeesTheAnswerAndEqualsAFullRead()
    {
        var s = new ReviewStorage(azurite);
        await s.SeedAsync(6, oneAssigneeEach: true);
        var cached = await s.Repository.LoadAsync(ReviewStorage.ReviewId, CancellationToken.None);
        Assert.All(cached!.Tasks, t => Assert.Null(t.State.OutcomeOf(Stage.PreWg)));

        // Another instance (its own repository, same tables) answers two tasks.
        var other = new ReviewStorage(azurite, tablesOf: s);
        foreach (var i in new[] { 2, 5 })
        {
            var answer = await other.Decisions.AnswerAsync(ReviewStorage.ReviewId, ReviewStorage.Assignee(i), $"J-{i:D4}",
                new PreWgAnswer { Routine = true, Decision = PreWgDecision.Keep }, 2, CancellationToken.None);
            Assert.Equal(Consolidation.Bot.Review.SubmissionStatus.Accepted, answer.Status);
        }

        var incremental = await s.Repository.LoadAsync(ReviewStorage.ReviewId, CancellationToken.None);
        var fresh = (await new ReviewStorage(azurite, tablesOf: s).Repository.LoadForUpdateAsync(ReviewStorage.ReviewId, CancellationToken.None))!.Value.Snapshot;

        Assert.Equal(["J-0002", "J-0005"], incremental!.Tasks.Where(t => t.State.OutcomeOf(Stage.PreWg) is not null).Select(t => t.Id));
        Assert.Equal(fresh.Tasks, incremental.Tasks);
    }
}
