using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review;

namespace Consolidation.Bot.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public class StageOpeningTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<ReviewStorage> ImportAsync(AzuriteFixture azurite)
    {
        var s = new ReviewStorage(azurite);
        var tasks = new[]
        {
            ReviewStorage.Task(1, 1), ReviewStorage.Task(2, 2), ReviewStorage.Task(3, 2),
            ReviewStorage.Task(4, 3) with { Subcommittee = Subcommittee.ChildrenEducation },
        };
        await s.Writer.WriteAsync("r1", "t", tasks, [ReviewStorage.Assignee(1), ReviewStorage.Assignee(2), ReviewStorage.Assignee(3), ReviewStorage.Secretariat], false, s.Time.GetUtcNow(), None);
        return s;
    }

    [Fact]
    public async Task OpenPreWg_OneSubcommittee_MovesItsInventoryAndNamesItsAssignees()
    {
        var s = await ImportAsync(azurite);
        var opening = new StageOpeningService(s.Repository, s.Time);
        var deadline = s.Time.GetUtcNow().AddDays(10);

        var result = await opening.OpenAsync("r1", ReviewStorage.Secretariat, Stage.PreWg, [Subcommittee.WelfareHealth], deadline, None);

        Assert.Equal([(Subcommittee.WelfareHealth, 3)], result.Subcommittees);
        Assert.Equal(["ward1@city.example.jp", "ward2@city.example.jp"], result.Assignees.Order(StringComparer.Ordinal));
        var snapshot = await s.Repository.LoadAsync("r1", None);
        Assert.Equal([Stage.PreWg, Stage.PreWg, Stage.PreWg, Stage.Inventory], snapshot!.Tasks.Select(t => t.Stage));
        Assert.All(snapshot.Tasks.Take(3), t => Assert.Equal(2, t.State.Version));
        var window = Assert.Single(snapshot.Windows);
        Assert.Equal((Stage.PreWg, Subcommittee.WelfareHealth, deadline, true), (window.Stage, window.Subcommittee, window.Deadline, window.IsOpen));
        var history = await s.Repository.GetHistoryAsync("r1", "J-0001", None);
        Assert.Equal(HistoryKind.StageOpened, Assert.Single(history).Kind);
    }

    [Fact]
    public async Task OpenPreWg_Twice_MovesTasksOnceAndUpdatesDeadline()
    {
        var s = await ImportAsync(azurite);
        var opening = new StageOpeningService(s.Repository, s.Time);
        var first = await opening.OpenAsync("r1", ReviewStorage.Secretariat, Stage.PreWg, Subcommittees.All, s.Time.GetUtcNow().AddDays(10), None);
        s.Time.Advance(TimeSpan.FromHours(1));

        var later = s.Time.GetUtcNow().AddDays(20);
        await opening.OpenAsync("r1", ReviewStorage.Secretariat, Stage.PreWg, Subcommittees.All, later, None);

        var snapshot = await s.Repository.LoadAsync("r1", None);
        Assert.All(snapshot!.Tasks, t => Assert.Equal((Stage.PreWg, 2), (t.Stage, t.State.Version)));
        Assert.Equal(5, snapshot.Windows.Count);
        Assert.All(snapshot.Windows, w => Assert.Equal(later, w.Deadline));
        Assert.All(snapshot.Windows, w => Assert.Equal(first.Deadline.AddDays(-10), w.OpenedAt));
        Assert.Single(await s.Repository.GetHistoryAsync("r1", "J-0004", None));
    }

    [Fact]
    public async Task Open_ByMember_Throws()
    {
        var s = await ImportAsync(azurite);
        var opening = new StageOpeningService(s.Repository, s.Time);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            opening.OpenAsync("r1", ReviewStorage.Assignee(1), Stage.PreWg, Subcommittees.All, s.Time.GetUtcNow().AddDays(1), None));
        Assert.Empty((await s.Repository.LoadAsync("r1", None))!.Windows);
    }

    [Fact]
    public async Task Close_ThenAnswer_RefusedStageClosedAndNothingStored()
    {
        var s = await ImportAsync(azurite);
        var opening = new StageOpeningService(s.Repository, s.Time);
        await opening.OpenAsync("r1", ReviewStorage.Secretariat, Stage.PreWg, [Subcommittee.WelfareHealth], s.Time.GetUtcNow().AddDays(1), None);

        var closed = await opening.CloseAsync("r1", ReviewStorage.Secretariat, Stage.PreWg, Subcommittees.All, None);
        var again = await opening.CloseAsync("r1", ReviewStorage.Secretariat, Stage.PreWg, Subcommittees.All, None);
        var result = await s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-0001", new PreWgAnswer { Decision = PreWgDecision.Keep }, 2, None);

        Assert.Equal([Subcommittee.WelfareHealth], closed);
        Assert.Empty(again);
        Assert.Equal(DecisionError.StageClosed, result.Error);
        Assert.Equal(2, (await s.Repository.GetTaskAsync("r1", "J-0001", None))!.Task.State.Version);
        Assert.Single(await s.Repository.GetHistoryAsync("r1", "J-0001", None));
    }

    [Fact]
    public async Task AnswerAfterDeadline_BeforeClose_AcceptedAndMarkedLate()
    {
        var s = await ImportAsync(azurite);
        var opening = new StageOpeningService(s.Repository, s.Time);
        await opening.OpenAsync("r1", ReviewStorage.Secretariat, Stage.PreWg, [Subcommittee.WelfareHealth], s.Time.GetUtcNow().AddDays(1), None);
        s.Time.Advance(TimeSpan.FromDays(2));

        var result = await s.Decisions.AnswerAsync("r1", ReviewStorage.Assignee(1), "J-0001", new PreWgAnswer { Decision = PreWgDecision.Keep }, 2, None);

        Assert.Equal(SubmissionStatus.Accepted, result.Status);
        var history = await s.Repository.GetHistoryAsync("r1", "J-0001", None);
        Assert.True(history[^1].Late);
        Assert.True((await s.Repository.GetTaskAsync("r1", "J-0001", None))!.Task.State.PreWg!.Late);
    }
}
