using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.IntegrationTests.Storage;

/// <summary>
/// What one instance keeps in memory (the active-review pointer and review rows for <see cref="ReviewCatalog.Freshness"/>,
/// task states and windows per epoch) against changes made by another instance on the same tables: each change is seen
/// once the freshness has passed, and at once by the reads that changes rely on.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class ReviewCacheFreshnessTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ActiveReview_SetByAnotherInstance_SeenAfterFreshness_AndAtOnceByAFreshRead()
    {
        var here = new ReviewStorage(azurite);
        var other = new ReviewStorage(azurite, tablesOf: here);
        await here.Catalog.SetActiveReviewAsync("first", None);
        Assert.Equal("first", await here.Catalog.GetActiveReviewIdAsync(None));

        await other.Catalog.SetActiveReviewAsync("second", None);
        here.Time.Advance(ReviewCatalog.Freshness);
        Assert.Equal("second", await here.Catalog.GetActiveReviewIdAsync(None));

        await other.Catalog.SetActiveReviewAsync("third", None);
        Assert.Equal("third", await here.Catalog.ReadActiveReviewIdAsync(None));
    }

    [Fact]
    public async Task RecentRead_AnotherInstancesAnswer_SeenOnceRecentAgeHasPassed_FreshReadSeesItAtOnce()
    {
        var here = new ReviewStorage(azurite);
        await here.SeedAsync(3, oneAssigneeEach: true);
        var first = await here.Repository.LoadAsync(ReviewStorage.ReviewId, None, ReadConsistency.Recent);
        var version = first!.Tasks.Single(t => t.Id == "J-0002").State.Version;
        var other = new ReviewStorage(azurite, tablesOf: here);
        var answered = await other.Decisions.AnswerAsync(ReviewStorage.ReviewId, ReviewStorage.Assignee(2), "J-0002",
            new PreWgAnswer { Routine = true, Decision = PreWgDecision.Keep, AnnualCases = 10 }, version, None);
        Assert.Equal(SubmissionStatus.Accepted, answered.Status);

        var recent = await here.Repository.LoadAsync(ReviewStorage.ReviewId, None, ReadConsistency.Recent);
        var fresh = await here.Repository.LoadAsync(ReviewStorage.ReviewId, None);
        var sameStatesAgain = await here.Repository.LoadAsync(ReviewStorage.ReviewId, None, ReadConsistency.Recent);

        Assert.Null(recent!.Tasks.Single(t => t.Id == "J-0002").State.PreWg); // this instance's memory, read a moment ago
        Assert.Same(first.Tasks, recent.Tasks); // nothing changed here: the same list, not built again
        Assert.NotNull(fresh!.Tasks.Single(t => t.Id == "J-0002").State.PreWg);
        Assert.NotNull(sameStatesAgain!.Tasks.Single(t => t.Id == "J-0002").State.PreWg);
    }

    [Fact]
    public async Task RecentRead_OnceRecentAgeHasPassed_AnswersFromMemoryAndCatchesUpInTheBackground()
    {
        var here = new ReviewStorage(azurite);
        await here.SeedAsync(3, oneAssigneeEach: true);
        var version = (await here.Repository.LoadAsync(ReviewStorage.ReviewId, None, ReadConsistency.Recent))!.Tasks.Single(t => t.Id == "J-0003").State.Version;
        var other = new ReviewStorage(azurite, tablesOf: here);
        await other.Decisions.AnswerAsync(ReviewStorage.ReviewId, ReviewStorage.Assignee(3), "J-0003",
            new PreWgAnswer { Routine = true, Decision = PreWgDecision.Keep, AnnualCases = 10 }, version, None);

        here.Time.Advance(ReviewStateCache.RecentAge);
        // This read answers from memory and starts the catch-up without waiting for it (whether it already shows the
        // answer depends on that race, so it is not asserted).
        Assert.NotNull(await here.Repository.LoadAsync(ReviewStorage.ReviewId, None, ReadConsistency.Recent));

        // The observable event: the background catch-up's result in a later read (no fixed sleep).
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await here.Repository.LoadAsync(ReviewStorage.ReviewId, None, ReadConsistency.Recent))!.Tasks.Single(t => t.Id == "J-0003").State.PreWg is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the background catch-up never brought the other instance's answer");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task CatchUpThatFindsNothingNew_KeepsTheSharedTaskList_OneThatFindsAChange_BuildsItAgain()
    {
        var here = new ReviewStorage(azurite);
        var other = new ReviewStorage(azurite, tablesOf: here);
        await here.SeedAsync(3, oneAssigneeEach: true);
        var first = (await here.Repository.LoadAsync(ReviewStorage.ReviewId, None))!.Tasks;

        // A fresh read catches up with storage; nothing changed, so the list the questions share is the same object
        // (rebuilding 100,000 tasks on every quiet catch-up was what spread the questions' p99).
        var quiet = (await here.Repository.LoadAsync(ReviewStorage.ReviewId, None))!.Tasks;
        Assert.Same(first, quiet);

        var version = quiet.Single(t => t.Id == "J-0001").State.Version;
        Assert.Equal(SubmissionStatus.Accepted, (await other.Decisions.AnswerAsync(ReviewStorage.ReviewId, ReviewStorage.Assignee(1), "J-0001",
            new PreWgAnswer { Decision = PreWgDecision.Keep }, version, None)).Status);
        var changed = (await here.Repository.LoadAsync(ReviewStorage.ReviewId, None))!.Tasks;
        Assert.NotSame(first, changed);
        Assert.Equal(Stage.Wg, changed.Single(t => t.Id == "J-0001").Stage);
    }

    [Fact]
    public async Task QuietReview_BackgroundCatchUpsBackOff_AChangeFoundBringsThemBackTo2s()
    {
        var here = new ReviewStorage(azurite);
        var other = new ReviewStorage(azurite, tablesOf: here);
        await here.SeedAsync(3, oneAssigneeEach: true);
        var cache = here.Repository.CacheOf(ReviewStorage.ReviewId);
        var version = (await here.Repository.LoadAsync(ReviewStorage.ReviewId, None, ReadConsistency.Recent))!.Tasks.Single(t => t.Id == "J-0001").State.Version;

        // 2 s on, a question starts a background catch-up; it finds nothing new (the observable event: the quiet count).
        here.Time.Advance(ReviewStateCache.RecentAge);
        await here.Repository.LoadAsync(ReviewStorage.ReviewId, None, ReadConsistency.Recent);
        await WaitForAsync(() => cache.QuietCatchUps == 1, "the first catch-up never ended quiet");

        // Another instance answers; 2 s more is now under the doubled age: no catch-up starts, the answer is not read yet.
        Assert.Equal(SubmissionStatus.Accepted, (await other.Decisions.AnswerAsync(ReviewStorage.ReviewId, ReviewStorage.Assignee(1), "J-0001",
            new PreWgAnswer { Decision = PreWgDecision.Keep }, version, None)).Status); // an answer: the epoch stays
        here.Time.Advance(ReviewStateCache.RecentAge);
        var before = (await here.Repository.LoadAsync(ReviewStorage.ReviewId, None, ReadConsistency.Recent))!.Tasks.Single(t => t.Id == "J-0001");
        Assert.Equal(Stage.PreWg, before.Stage);
        Assert.Equal(1, cache.QuietCatchUps);

        // At 4 s the next catch-up runs, finds the answer, and the age is back to 2 s.
        here.Time.Advance(ReviewStateCache.RecentAge);
        await here.Repository.LoadAsync(ReviewStorage.ReviewId, None, ReadConsistency.Recent);
        await WaitForAsync(async () => (await here.Repository.LoadAsync(ReviewStorage.ReviewId, None, ReadConsistency.Recent))!.Tasks.Single(t => t.Id == "J-0001").Stage == Stage.Wg,
            "the catch-up after the back-off never brought the other instance's answer");
        Assert.Equal(0, cache.QuietCatchUps);
    }

    private static Task WaitForAsync(Func<bool> done, string failure) => WaitForAsync(() => Task.FromResult(done()), failure);

    private static async Task WaitForAsync(Func<Task<bool>> done, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task WindowClosedByAnotherInstance_MemberScopedLoadShowsItOnceTheReviewRowIsReadAgain()
    {
        var here = new ReviewStorage(azurite);
        await here.SeedAsync(3, oneAssigneeEach: true);
        var before = await FromMemoryAsync(here, 1);
        Assert.True(before!.Windows.Single().IsOpen);

        var other = new ReviewStorage(azurite, tablesOf: here);
        var window = before.Windows.Single();
        await other.Repository.UpsertWindowAsync(ReviewStorage.ReviewId, window with { ClosedAt = other.Time.GetUtcNow() }, None);
        here.Time.Advance(ReviewCatalog.Freshness);

        var after = await FromMemoryAsync(here, 1);
        Assert.False(after!.Windows.Single().IsOpen);
    }

    [Fact]
    public async Task WindowClosedWhileTheEpochChangeFailed_SeenOnceTheWindowsAreTooOld()
    {
        var here = new ReviewStorage(azurite);
        await here.SeedAsync(3, oneAssigneeEach: true);
        var before = await FromMemoryAsync(here, 1);
        var window = before!.Windows.Single();

        // Another instance closes the stage and loses storage before it can move the epoch: only the window row changes.
        var table = await here.Tables.GetAsync(Consolidation.Bot.Storage.TableNames.ReviewData, None);
        await table.UpsertEntityAsync(ReviewEntityMapper.ToEntity(window with { ClosedAt = here.Time.GetUtcNow() }, ReviewKeys.StatePartition(ReviewStorage.ReviewId)),
            Azure.Data.Tables.TableUpdateMode.Replace, None);
        here.Time.Advance(ReviewCatalog.Freshness);
        Assert.True((await FromMemoryAsync(here, 1))!.Windows.Single().IsOpen);

        here.Time.Advance(ReviewStateCache.WindowsMaxAge);
        Assert.False((await FromMemoryAsync(here, 1))!.Windows.Single().IsOpen);
    }

    [Fact]
    public async Task OverrideByAnotherInstance_MemberScopedLoadFromMemoryShowsItOnceTheReviewRowIsReadAgain()
    {
        var here = new ReviewStorage(azurite);
        await here.SeedAsync(3, oneAssigneeEach: true);
        Assert.NotNull(await here.Repository.LoadAsync(ReviewStorage.ReviewId, None)); // every state now in this instance's memory

        var other = new ReviewStorage(azurite, tablesOf: here);
        var overridden = await other.Decisions.OverrideAsync(ReviewStorage.ReviewId, ReviewStorage.Secretariat, "J-0002",
            new PreWgAnswer { Routine = true, Decision = PreWgDecision.Exclude, Reason = "事務局判断" }, "分科会で合意", None);
        Assert.Equal(SubmissionStatus.Accepted, overridden.Status);
        here.Time.Advance(ReviewCatalog.Freshness);

        var scoped = await FromMemoryAsync(here, 2);
        Assert.Equal(overridden.Task!.State, scoped!.Tasks.Single().State);
    }

    [Fact]
    public async Task AnswerDecidedOnWhatMemoryHeld_AfterTheOtherInstanceAnswered_IsNotStoredAndRefusedAsStale()
    {
        var here = new ReviewStorage(azurite);
        await here.SeedAsync(3, oneAssigneeEach: true);
        var snapshot = await here.Repository.LoadAsync(ReviewStorage.ReviewId, None); // every state now in this instance's memory
        var held = (await here.Repository.GetTaskAsync(ReviewStorage.ReviewId, "J-0003", None))!;

        // The other instance stores member 3's answer: a single answer moves no epoch, so this instance's memory is behind.
        var other = new ReviewStorage(azurite, tablesOf: here);
        var answer = new PreWgAnswer { Routine = true, Decision = PreWgDecision.Keep, AnnualCases = 10 };
        var stored = await other.Decisions.AnswerAsync(ReviewStorage.ReviewId, ReviewStorage.Assignee(3), "J-0003", answer, held.Task.State.Version, None);
        Assert.Equal(SubmissionStatus.Accepted, stored.Status);
        var behind = await FromMemoryAsync(here, 3);
        Assert.Equal(held.Task.State.Version, behind!.Tasks.Single().State.Version);

        // A different click decided here on the state and ETag memory held: the ETag guard sends it to fresh data, where it is stale.
        var late = await here.Decisions.AnswerAsync(ReviewStorage.ReviewId, ReviewStorage.Assignee(3), "J-0003", answer with { AnnualCases = 99 },
            held.Task.State.Version, new DecisionInput(held, snapshot!.Windows), None);

        Assert.Equal(SubmissionStatus.Refused, late.Status);
        Assert.Equal(DecisionError.Stale, late.Error);
        var now = (await here.Repository.GetTaskAsync(ReviewStorage.ReviewId, "J-0003", None))!.Task;
        Assert.Equal(stored.Task!.State, now.State);
        Assert.Single(await here.Repository.GetHistoryAsync(ReviewStorage.ReviewId, "J-0003", None), h => h.Kind == HistoryKind.Answer);
    }

    /// <summary>Member <paramref name="assignee"/>'s scoped snapshot as answers get it: from this instance's memory when current.</summary>
    private static async Task<ReviewSnapshot?> FromMemoryAsync(ReviewStorage storage, int assignee) =>
        (await storage.Repository.LoadForAadObjectIdAsync(ReviewStorage.ReviewId, ReviewStorage.Assignee(assignee).AadObjectId, fromMemory: true, None))?.Snapshot;
}
