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
        var stored = await other.Decisions.AnswerAsync(ReviewStorage.ReviewId, ReviewStorage.Assignee(3), "J-0003", answer, held.Task.State.Version, "k-other", None);
        Assert.Equal(SubmissionStatus.Accepted, stored.Status);
        var behind = await FromMemoryAsync(here, 3);
        Assert.Equal(held.Task.State.Version, behind!.Tasks.Single().State.Version);

        // A different click decided here on the state and ETag memory held: the ETag guard sends it to fresh data, where it is stale.
        var late = await here.Decisions.AnswerAsync(ReviewStorage.ReviewId, ReviewStorage.Assignee(3), "J-0003", answer with { AnnualCases = 99 },
            held.Task.State.Version, "k-here", new DecisionInput(held, snapshot!.Windows), None);

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
