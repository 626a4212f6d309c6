using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Tests.Domain;

public class ReviewRulesTests
{
    private static readonly DateTimeOffset Opened = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Deadline = new(2026, 12, 20, 14, 59, 59, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 3, 0, 0, TimeSpan.Zero);

    private static readonly Member Assignee = new() { Email = "sato@city.example.jp", Name = "佐藤", Subcommittees = [Subcommittee.WelfareHealth] };
    private static readonly Member Other = new() { Email = "ito@city.example.jp", Name = "伊藤" };
    private static readonly Member Secretariat = new() { Email = "yamada@city.example.jp", Name = "山田", Role = MemberRole.Secretariat };

    private static ReviewTask Task(Stage stage = Stage.PreWg, int version = 2) => new(
        new TaskDefinition { Id = "J-0001", Name = "住民票の写しの交付", Bureau = "市民局", Subcommittee = Subcommittee.WelfareHealth, Assignee = "Sato@City.Example.JP" },
        new TaskState { TaskId = "J-0001", Stage = stage, Version = version });

    private static StageWindow Window(Stage stage = Stage.PreWg, DateTimeOffset? closed = null) =>
        new() { Stage = stage, Subcommittee = Subcommittee.WelfareHealth, OpenedAt = Opened, Deadline = Deadline, ClosedAt = closed };

    private static PreWgAnswer Keep => new() { Routine = true, Decision = PreWgDecision.Keep, AnnualCases = 1200, StaffHours = 300 };

    private static PreWgAnswer Exclude(string? reason) => new() { Decision = PreWgDecision.Exclude, Reason = reason };

    [Fact]
    public void Answer_PreWgKeep_MovesToWgAndBumpsVersion()
    {
        var result = ReviewRules.Answer(Task(), Assignee, Keep, 2, Window(), Now);

        Assert.True(result.Accepted);
        Assert.Equal(Stage.Wg, result.State!.Stage);
        Assert.Equal(3, result.State.Version);
        Assert.Equal(Keep, result.State.PreWg!.Answer);
        Assert.Equal("sato@city.example.jp", result.State.PreWg.AnsweredBy);
        Assert.False(result.Late);
    }

    [Fact]
    public void Answer_PreWgExcludeWithReason_Closes()
    {
        var result = ReviewRules.Answer(Task(), Assignee, Exclude("高度な折衝が必要なため"), 2, Window(), Now);

        Assert.Equal(Stage.Closed, result.State!.Stage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Answer_PreWgExcludeWithoutReason_RefusedAsInvalid(string? reason)
    {
        var result = ReviewRules.Answer(Task(), Assignee, Exclude(reason), 2, Window(), Now);

        Assert.Equal(DecisionError.Invalid, result.Error);
        Assert.Equal(AnswerErrors.ReasonRequired, result.FieldErrors["Reason"]);
        Assert.Null(result.State);
    }

    [Fact]
    public void Answer_ByAnotherMember_RefusedNotAssignee()
    {
        Assert.Equal(DecisionError.NotAssignee, ReviewRules.Answer(Task(), Other, Keep, 2, Window(), Now).Error);
    }

    [Fact]
    public void Answer_BySecretariatForSomeoneElsesTask_RefusedNotAssignee()
    {
        Assert.Equal(DecisionError.NotAssignee, ReviewRules.Answer(Task(), Secretariat, Keep, 2, Window(), Now).Error);
    }

    [Fact]
    public void Answer_StageReassignedToOther_OnlyNewAssigneeMayAnswer()
    {
        var task = Task() with { Definition = Task().Definition with { StageAssignees = new Dictionary<Stage, string> { [Stage.PreWg] = Other.Email } } };

        Assert.Equal(DecisionError.NotAssignee, ReviewRules.Answer(task, Assignee, Keep, 2, Window(), Now).Error);
        Assert.True(ReviewRules.Answer(task, Other, Keep, 2, Window(), Now).Accepted);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Answer_CardVersionNotCurrent_RefusedStale(int cardVersion)
    {
        Assert.Equal(DecisionError.Stale, ReviewRules.Answer(Task(), Assignee, Keep, cardVersion, Window(), Now).Error);
    }

    [Fact]
    public void Answer_TaskAlreadyMovedOn_RefusedStale()
    {
        Assert.Equal(DecisionError.Stale, ReviewRules.Answer(Task(Stage.Wg), Assignee, Keep, 2, Window(), Now).Error);
    }

    [Fact]
    public void Answer_StageNotOpenedForSubcommittee_Refused()
    {
        Assert.Equal(DecisionError.StageNotOpen, ReviewRules.Answer(Task(), Assignee, Keep, 2, null, Now).Error);
        var otherSubcommittee = Window() with { Subcommittee = Subcommittee.ChildrenEducation };
        Assert.Equal(DecisionError.StageNotOpen, ReviewRules.Answer(Task(), Assignee, Keep, 2, otherSubcommittee, Now).Error);
    }

    [Fact]
    public void Answer_StageClosed_Refused()
    {
        Assert.Equal(DecisionError.StageClosed, ReviewRules.Answer(Task(), Assignee, Keep, 2, Window(closed: Now.AddDays(-1)), Now).Error);
    }

    [Fact]
    public void Answer_AfterDeadline_AcceptedAndMarkedLate()
    {
        var result = ReviewRules.Answer(Task(), Assignee, Keep, 2, Window(), Deadline.AddMinutes(1));

        Assert.True(result.Accepted);
        Assert.True(result.Late);
        Assert.True(result.State!.PreWg!.Late);
    }

    [Fact]
    public void Answer_WgStudyTarget_MovesToSuitability_NotTarget_Closes()
    {
        var target = new WgAnswer { Decision = WgDecision.StudyTarget, Destination = Destination.HubWard, Partial = true };
        var notTarget = new WgAnswer { Decision = WgDecision.NotTarget, Issues = "所管局との調整が困難" };

        Assert.Equal(Stage.Suitability, ReviewRules.Answer(Task(Stage.Wg), Assignee, target, 2, Window(Stage.Wg), Now).State!.Stage);
        Assert.Equal(Stage.Closed, ReviewRules.Answer(Task(Stage.Wg), Assignee, notTarget, 2, Window(Stage.Wg), Now).State!.Stage);
    }

    [Fact]
    public void Answer_WgStudyTargetWithoutDestination_Accepted()
    {
        // The destination is not a gate (issue 18): a study target may not know where the work goes yet.
        var result = ReviewRules.Answer(Task(Stage.Wg), Assignee, new WgAnswer { Decision = WgDecision.StudyTarget }, 2, Window(Stage.Wg), Now);

        Assert.True(result.Accepted);
        Assert.Equal(Stage.Suitability, result.State!.Stage);
    }

    [Theory]
    [InlineData(SuitabilityDecision.Done, null, null, null, true)]
    [InlineData(SuitabilityDecision.ContinueLater, RevisitTrigger.StandardizationBpr, null, null, true)]
    [InlineData(SuitabilityDecision.ContinueLater, null, null, null, false)]
    [InlineData(SuitabilityDecision.ContinueLater, RevisitTrigger.Date, null, null, false)]
    [InlineData(SuitabilityDecision.ContinueLater, RevisitTrigger.Date, "2027-04-01", null, true)]
    [InlineData(SuitabilityDecision.Closed, null, null, "効果が見込めない", true)]
    [InlineData(SuitabilityDecision.Closed, null, null, null, false)]
    public void Answer_Suitability_ValidatesAndCloses(SuitabilityDecision decision, RevisitTrigger? trigger, string? date, string? reason, bool accepted)
    {
        var answer = new SuitabilityAnswer { Decision = decision, Trigger = trigger, RevisitDate = date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Reason = reason };

        var result = ReviewRules.Answer(Task(Stage.Suitability), Assignee, answer, 2, Window(Stage.Suitability), Now);

        Assert.Equal(accepted, result.Accepted);
        if (accepted)
        {
            Assert.Equal(Stage.Closed, result.State!.Stage);
        }
    }

    [Fact]
    public void Answer_ReasonTooLongOrNegativeVolume_Invalid()
    {
        var answer = new PreWgAnswer { Decision = PreWgDecision.Exclude, Reason = new string('あ', PreWgAnswer.MaxReasonLength + 1), AnnualCases = -1 };

        var result = ReviewRules.Answer(Task(), Assignee, answer, 2, Window(), Now);

        Assert.Equal(AnswerErrors.TooLong, result.FieldErrors["Reason"]);
        Assert.Equal(AnswerErrors.OutOfRange, result.FieldErrors["AnnualCases"]);
    }

    [Fact]
    public void Override_BySecretariatWithReason_SetsDecisionAndClearsLaterStages()
    {
        var answered = ReviewRules.Answer(Task(), Assignee, Keep, 2, Window(), Now).State!;
        var wg = ReviewRules.Answer(Task(Stage.Wg) with { State = answered }, Assignee,
            new WgAnswer { Decision = WgDecision.StudyTarget, Destination = Destination.Bureau }, 3, Window(Stage.Wg), Now).State!;

        var result = ReviewRules.Override(Task() with { State = wg }, Secretariat, Exclude("全庁的な方針により除外"), "推進会議の決定", Now);

        Assert.True(result.Accepted);
        Assert.Equal(Stage.Closed, result.State!.Stage);
        Assert.True(result.State.PreWg!.Override);
        Assert.Equal("推進会議の決定", result.State.PreWg.OverrideReason);
        Assert.Null(result.State.Wg);
        Assert.Equal(5, result.State.Version);
    }

    [Fact]
    public void Override_ByMember_RefusedNotSecretariat()
    {
        Assert.Equal(DecisionError.NotSecretariat, ReviewRules.Override(Task(), Assignee, Keep, "理由", Now).Error);
    }

    [Fact]
    public void Override_WithoutReasonOrStageNotReached_NotApplicable()
    {
        Assert.Equal(DecisionError.NotApplicable, ReviewRules.Override(Task(), Secretariat, Keep, " ", Now).Error);
        var wg = new WgAnswer { Decision = WgDecision.StudyTarget, Destination = Destination.Bureau };
        Assert.Equal(DecisionError.NotApplicable, ReviewRules.Override(Task(), Secretariat, wg, "理由", Now).Error);
    }

    [Fact]
    public void Reopen_AnsweredStage_SendsTaskBackAndClearsOutcome()
    {
        var answered = ReviewRules.Answer(Task(), Assignee, Exclude("件数が少ない"), 2, Window(), Now).State!;

        var result = ReviewRules.Reopen(Task() with { State = answered }, Secretariat, Stage.PreWg, "再検討の依頼", Now);

        Assert.True(result.Accepted);
        Assert.Equal(Stage.PreWg, result.State!.Stage);
        Assert.Null(result.State.PreWg);
        Assert.Equal(4, result.State.Version);
    }

    [Fact]
    public void Reopen_ByMemberOrUnansweredStageOrNoReason_Refused()
    {
        var answered = ReviewRules.Answer(Task(), Assignee, Keep, 2, Window(), Now).State!;
        var task = Task() with { State = answered };

        Assert.Equal(DecisionError.NotSecretariat, ReviewRules.Reopen(task, Assignee, Stage.PreWg, "理由", Now).Error);
        Assert.Equal(DecisionError.NotApplicable, ReviewRules.Reopen(task, Secretariat, Stage.Wg, "理由", Now).Error);
        Assert.Equal(DecisionError.NotApplicable, ReviewRules.Reopen(task, Secretariat, Stage.PreWg, "", Now).Error);
        Assert.Equal(DecisionError.NotApplicable, ReviewRules.Reopen(task, Secretariat, Stage.Closed, "理由", Now).Error);
    }

    [Fact]
    public void EnterFirstStage_InventoryOnly()
    {
        var inventory = TaskState.New("J-1");
        var entered = ReviewRules.EnterFirstStage(inventory, Now);

        Assert.Equal(Stage.PreWg, entered.Stage);
        Assert.Equal(2, entered.Version);
        Assert.Same(entered, ReviewRules.EnterFirstStage(entered, Now));
    }

    [Fact]
    public void Reassign_CurrentStage_NewAssigneeAnswers_OldOneIsRefused()
    {
        var result = ReviewRules.Reassign(Task(), Secretariat, Stage.PreWg, Other, Now);

        Assert.True(result.Accepted);
        var task = Task() with { State = result.State! };
        Assert.Equal(3, task.State.Version);
        Assert.Equal(Other.Email, task.AssigneeFor(Stage.PreWg));
        Assert.Equal("sato@city.example.jp", task.AssigneeFor(Stage.Wg)); // only that stage moved (emails are normalised as a definition is made)
        Assert.True(ReviewRules.Answer(task, Other, Keep, 3, Window(), Now).Accepted);
        Assert.Equal(DecisionError.NotAssignee, ReviewRules.Answer(task, Assignee, Keep, 3, Window(), Now).Error);
    }

    [Fact]
    public void Reassign_Refused_NotSecretariat_AnsweredStage_DecidedTask_SamePerson()
    {
        var answered = Task() with { State = ReviewRules.Answer(Task(), Assignee, Keep, 2, Window(), Now).State! };

        Assert.Equal(DecisionError.NotSecretariat, ReviewRules.Reassign(Task(), Assignee, Stage.PreWg, Other, Now).Error);
        Assert.Equal(DecisionError.NotApplicable, ReviewRules.Reassign(answered, Secretariat, Stage.PreWg, Other, Now).Error);
        Assert.Equal(DecisionError.NotApplicable, ReviewRules.Reassign(Task(Stage.Closed), Secretariat, Stage.Wg, Other, Now).Error);
        Assert.Equal(DecisionError.NotApplicable, ReviewRules.Reassign(Task(), Secretariat, Stage.PreWg, Assignee, Now).Error);
        Assert.Equal(DecisionError.NotApplicable, ReviewRules.Reassign(Task(), Secretariat, Stage.Inventory, Other, Now).Error);
        Assert.True(ReviewRules.Reassign(answered, Secretariat, Stage.Wg, Other, Now).Accepted); // a later stage, not answered yet
    }
}
