using Consolidation.Bot.Demo;
using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Tests.Demo;

public sealed class SeedFunnelPlanTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(9));

    private static readonly DemoReviewData Review = DemoReview.Create();

    private static readonly IReadOnlyList<SeedTaskAnswers> Plan = SeedFunnelPlan.Create(Review.Tasks);

    [Fact]
    public void Create_DemoTasks_OnePlanPerTaskInOrder()
    {
        Assert.Equal(Review.Tasks.Select(t => t.Id), Plan.Select(p => p.TaskId));
    }

    [Fact]
    public void Create_DemoTasks_EveryAnswerValidates()
    {
        Assert.All(Plan.SelectMany(p => p.Answers), a => Assert.Empty(a.Validate()));
    }

    [Fact]
    public void Create_DemoTasks_DecisionsMatchTheSeedFigures()
    {
        Assert.Equal(342, Plan.Count(p => p.PreWg.Decision == PreWgDecision.Keep));
        Assert.Equal(470, Plan.Count(p => p.PreWg.Decision == PreWgDecision.Exclude));
        Assert.Equal(276, Plan.Count(p => p.Wg?.Decision == WgDecision.StudyTarget));
        Assert.Equal(66, Plan.Count(p => p.Wg?.Decision == WgDecision.NotTarget));
        Assert.Equal(6, Plan.Count(p => p.Suitability?.Decision == SuitabilityDecision.Done));
        Assert.Equal(233, Plan.Count(p => p.Suitability?.Decision == SuitabilityDecision.ContinueLater));
        Assert.Equal(37, Plan.Count(p => p.Suitability?.Decision == SuitabilityDecision.Closed));
    }

    [Fact]
    public void Create_DemoTasks_LaterAnswersOnlyWhereTheEarlierDecisionLeadsThere()
    {
        Assert.All(Plan, p =>
        {
            Assert.Equal(p.PreWg.Decision == PreWgDecision.Keep, p.Wg is not null);
            Assert.Equal(p.Wg?.Decision == WgDecision.StudyTarget, p.Suitability is not null);
        });
    }

    [Fact]
    public void Create_DemoTasks_ScreeningAnswersAreConsistentWithTheDecision()
    {
        var kept = Plan.Where(p => p.PreWg.Decision == PreWgDecision.Keep).ToList();
        var excluded = Plan.Where(p => p.PreWg.Decision == PreWgDecision.Exclude).ToList();
        Assert.True(kept.Count(p => p.PreWg.Routine) > kept.Count * 0.8);
        Assert.True(kept.Count(p => p.PreWg.HighLevelNegotiation) < kept.Count * 0.2);
        Assert.True(excluded.Count(p => p.PreWg.HighLevelNegotiation) > excluded.Count * 0.3);
        Assert.True(excluded.Count(p => p.PreWg.Routine) < excluded.Count * 0.5);
        Assert.All(excluded, p => Assert.False(string.IsNullOrWhiteSpace(p.PreWg.Reason)));
        Assert.True(excluded.Select(p => p.PreWg.Reason).Distinct(StringComparer.Ordinal).Count() >= 6);
    }

    [Fact]
    public void Create_DemoTasks_ThemeTasksAreKeptAndStudied()
    {
        var themed = Review.Tasks.Where(t => t.Theme is not null).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(Plan.Where(p => themed.Contains(p.TaskId)), p => Assert.Equal(WgDecision.StudyTarget, p.Wg?.Decision));
    }

    [Fact]
    public void Create_DemoTasks_ContinueLaterMostlyWaitsForTheStandardizationBpr()
    {
        var later = Plan.Select(p => p.Suitability).OfType<SuitabilityAnswer>().Where(s => s.Decision == SuitabilityDecision.ContinueLater).ToList();
        Assert.True(later.Count(s => s.Trigger == RevisitTrigger.StandardizationBpr) > later.Count / 2);
        Assert.Contains(later, s => s.Trigger == RevisitTrigger.RuleChange);
        Assert.Contains(later, s => s.Trigger == RevisitTrigger.DxProgress);
        Assert.Contains(later, s => s.Trigger == RevisitTrigger.Date && s.RevisitDate is not null);
    }

    [Fact]
    public void Create_SameSeed_ReturnsEqualPlans() =>
        Assert.Equal(SeedFunnelPlan.Create(Review.Tasks, 5), SeedFunnelPlan.Create(Review.Tasks, 5));

    [Fact]
    public void Create_NotTheSeedInventory_Throws() =>
        Assert.Throws<ArgumentException>(() => SeedFunnelPlan.Create(Review.Tasks.Take(10).ToList()));

    [Fact]
    public void Apply_AllDemoTasks_FunnelIsExactlyTheSeeds()
    {
        var tasks = ApplyAll(out var applications);

        Assert.All(applications, a => Assert.True(a.Succeeded, a.Error.ToString()));
        Assert.All(tasks, t => Assert.Equal(Stage.Closed, t.Stage));
        var funnel = ReviewQueries.Funnel(tasks);
        Assert.Equal(
            new Funnel
            {
                Inventory = 812,
                PreWgKept = 342,
                PreWgExcluded = 470,
                WgStudyTargets = 276,
                WgNotTargets = 66,
                SuitabilityDone = 6,
                SuitabilityContinueLater = 233,
                SuitabilityClosed = 37,
            },
            funnel);
        Assert.Equal(0, funnel.PreWgPending + funnel.WgPending + funnel.SuitabilityPending);
    }

    [Fact]
    public void Apply_AllDemoTasks_OutcomesFollowThePlanInOrderOnTime()
    {
        ApplyAll(out var applications);

        foreach (var (application, plan) in applications.Zip(Plan))
        {
            Assert.Equal(plan.Answers, application.Outcomes.Select(o => o.Answer));
            Assert.All(application.Outcomes, o => Assert.False(o.Late || o.Override));
            Assert.Equal(1 + 1 + application.Outcomes.Count, application.State.Version);
        }
    }

    [Fact]
    public void Apply_WrongAssignee_StopsWithNotAssigneeBeforeAnyOutcome()
    {
        var task = Review.Tasks[0];
        var stranger = new Member { Email = "someone.else@city.example.jp", Name = "他 人" };

        var result = SeedFunnelPlan.Apply(task, Plan[0], stranger, Windows(), Now);

        Assert.Equal(DecisionError.NotAssignee, result.Error);
        Assert.Empty(result.Outcomes);
        Assert.Equal(Stage.PreWg, result.State.Stage);
    }

    [Fact]
    public void Apply_NoWindowForLaterStage_StopsWithStageNotOpenAfterPreWg()
    {
        var index = Plan.ToList().FindIndex(p => p.Wg is not null);
        var task = Review.Tasks[index];
        var preWgOnly = Windows().Where(w => w.Stage == Stage.PreWg).ToList();

        var result = SeedFunnelPlan.Apply(task, Plan[index], AssigneeOf(task), preWgOnly, Now);

        Assert.Equal(DecisionError.StageNotOpen, result.Error);
        Assert.Single(result.Outcomes);
        Assert.Equal(Stage.Wg, result.State.Stage);
    }

    [Fact]
    public void Apply_AfterTheDeadlines_AcceptsAnswersAsLate()
    {
        var task = Review.Tasks[0];

        var result = SeedFunnelPlan.Apply(task, Plan[0], AssigneeOf(task), Windows(), Now.AddYears(1));

        Assert.True(result.Succeeded);
        Assert.All(result.Outcomes, o => Assert.True(o.Late));
    }

    [Fact]
    public void Windows_ThreeStagesForEverySubcommittee_OpenOneAfterTheOther()
    {
        var windows = Windows();

        Assert.Equal(15, windows.Count);
        Assert.All(windows, w => Assert.True(w.IsOpen));
        Assert.All(Subcommittees.All, s =>
        {
            var mine = windows.Where(w => w.Subcommittee == s).OrderBy(w => w.Stage).ToList();
            Assert.Equal(Stages.Screening, mine.Select(w => w.Stage));
            Assert.Equal(mine[0].Deadline, mine[1].OpenedAt);
            Assert.Equal(mine[1].Deadline, mine[2].OpenedAt);
        });
    }

    private static IReadOnlyList<StageWindow> Windows() => SeedFunnelPlan.Windows(Now.AddDays(-7), TimeSpan.FromDays(30));

    private static Member AssigneeOf(TaskDefinition task) =>
        Review.Members.Single(m => Member.NormalizeEmail(m.Email) == Member.NormalizeEmail(task.Assignee));

    private static List<ReviewTask> ApplyAll(out List<SeedApplication> applications)
    {
        var windows = Windows();
        applications = Review.Tasks.Zip(Plan, (t, p) => SeedFunnelPlan.Apply(t, p, AssigneeOf(t), windows, Now)).ToList();
        return Review.Tasks.Zip(applications, (t, a) => new ReviewTask(t, a.State)).ToList();
    }
}
