using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Tests.Domain;

public class FunnelTests
{
    private static readonly DateTimeOffset T = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static ReviewTask Task(string id, Subcommittee s, Stage stage, PreWgDecision? pre = null, WgDecision? wg = null, SuitabilityDecision? suit = null, RevisitTrigger? trigger = null) => new(
        new TaskDefinition { Id = id, Name = id, Bureau = "市民局", Subcommittee = s, Assignee = id + "@x.jp" },
        new TaskState
        {
            TaskId = id,
            Stage = stage,
            PreWg = pre is null ? null : Outcome(new PreWgAnswer { Decision = pre.Value, Reason = "r" }),
            Wg = wg is null ? null : Outcome(new WgAnswer { Decision = wg.Value, Destination = Destination.Bureau, Issues = "i" }),
            Suitability = suit is null ? null : Outcome(new SuitabilityAnswer { Decision = suit.Value, Trigger = trigger, Reason = "r" }),
        });

    private static StageOutcome Outcome(StageAnswer a) => new() { Answer = a, AnsweredBy = "x", AnsweredAt = T };

    private static readonly IReadOnlyList<ReviewTask> Tasks =
    [
        Task("a", Subcommittee.WelfareHealth, Stage.Inventory),
        Task("b", Subcommittee.WelfareHealth, Stage.PreWg),
        Task("c", Subcommittee.WelfareHealth, Stage.Closed, PreWgDecision.Exclude),
        Task("d", Subcommittee.ChildrenEducation, Stage.Wg, PreWgDecision.Keep),
        Task("e", Subcommittee.ChildrenEducation, Stage.Closed, PreWgDecision.Keep, WgDecision.NotTarget),
        Task("f", Subcommittee.ChildrenEducation, Stage.Suitability, PreWgDecision.Keep, WgDecision.StudyTarget),
        Task("g", Subcommittee.PersonnelFinance, Stage.Closed, PreWgDecision.Keep, WgDecision.StudyTarget, SuitabilityDecision.Done),
        Task("h", Subcommittee.PersonnelFinance, Stage.Closed, PreWgDecision.Keep, WgDecision.StudyTarget, SuitabilityDecision.ContinueLater, RevisitTrigger.RuleChange),
        Task("i", Subcommittee.PersonnelFinance, Stage.Closed, PreWgDecision.Keep, WgDecision.StudyTarget, SuitabilityDecision.Closed),
    ];

    [Fact]
    public void Funnel_MixedTasks_CountsEveryStage()
    {
        var f = ReviewQueries.Funnel(Tasks);

        Assert.Equal(new Funnel
        {
            Inventory = 9, PreWgKept = 6, PreWgExcluded = 1, PreWgPending = 2,
            WgStudyTargets = 4, WgNotTargets = 1, WgPending = 1,
            SuitabilityDone = 1, SuitabilityContinueLater = 1, SuitabilityClosed = 1, SuitabilityPending = 1,
        }, f);
    }

    [Fact]
    public void FunnelBySubcommittee_SumsToTotalAndListsAllFive()
    {
        var by = ReviewQueries.FunnelBySubcommittee(Tasks);

        Assert.Equal(5, by.Count);
        Assert.Equal(3, by[Subcommittee.WelfareHealth].Inventory);
        Assert.Equal(0, by[Subcommittee.TownDevelopment].Inventory);
        Assert.Equal(9, by.Values.Sum(f => f.Inventory));
    }

    [Fact]
    public void Progress_Overdue_UnansweredByMember_UseOpenWindowsOnly()
    {
        var windows = new[]
        {
            new StageWindow { Stage = Stage.PreWg, Subcommittee = Subcommittee.WelfareHealth, OpenedAt = T, Deadline = T.AddDays(10) },
            new StageWindow { Stage = Stage.Wg, Subcommittee = Subcommittee.ChildrenEducation, OpenedAt = T, Deadline = T.AddDays(20) },
            new StageWindow { Stage = Stage.Suitability, Subcommittee = Subcommittee.ChildrenEducation, OpenedAt = T, Deadline = T.AddDays(5), ClosedAt = T.AddDays(6) },
        };

        var progress = ReviewQueries.Progress(Tasks, windows);
        Assert.Equal(2, progress.Count);
        Assert.Equal(new StageProgress(Subcommittee.WelfareHealth, Stage.PreWg, 1, 2, T.AddDays(10)), progress[0]);
        Assert.Equal(new StageProgress(Subcommittee.ChildrenEducation, Stage.Wg, 2, 3, T.AddDays(20)), progress[1]);

        Assert.Empty(ReviewQueries.Overdue(Tasks, windows, T.AddDays(9)));
        Assert.Equal(["b"], ReviewQueries.Overdue(Tasks, windows, T.AddDays(11)).Select(x => x.Task.Id));
        Assert.Equal(["d"], ReviewQueries.Overdue(Tasks, windows, T.AddDays(21)).Select(x => x.Task.Id).Where(id => id == "d"));

        var byMember = ReviewQueries.UnansweredByMember(Tasks, windows);
        Assert.Equal(["b@x.jp", "d@x.jp"], byMember.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RevisitList_GroupsContinueLaterByTrigger()
    {
        var list = ReviewQueries.RevisitList(Tasks);

        Assert.Equal(["h"], list[RevisitTrigger.RuleChange].Select(t => t.Id));
        Assert.Single(list);
    }
}
