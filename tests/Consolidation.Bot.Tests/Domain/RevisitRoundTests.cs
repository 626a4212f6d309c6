using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Administration;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.Tests.Domain;

/// <summary>
/// Taking "continue later" up again (再検討), the rules that need no storage: which tasks an event takes up, the new
/// round's state, the review's funnel staying round 1's while later rounds are counted apart, the command, the card.
/// </summary>
public class RevisitRoundTests
{
    private static readonly DateOnly Today = new(2027, 3, 1);
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly Member Secretariat = new() { Email = "yamada@city.example.jp", Name = "山田", Role = MemberRole.Secretariat };
    private static readonly Member Assignee = new() { Email = "sato@city.example.jp", Name = "佐藤" };

    private static StageOutcome Outcome(StageAnswer answer) => new() { Answer = answer, AnsweredBy = Assignee.Email, AnsweredAt = Now.AddDays(-60) };

    private static ReviewTask ContinueLater(RevisitTrigger trigger, DateOnly? date = null, string id = "J-0001") => new(
        new TaskDefinition { Id = id, Name = "住民票の写しの交付", Bureau = "市民局", Subcommittee = Subcommittee.WelfareHealth, Assignee = Assignee.Email },
        new TaskState
        {
            TaskId = id, Stage = Stage.Closed, Version = 7,
            PreWg = Outcome(new PreWgAnswer { Decision = PreWgDecision.Keep }),
            Wg = Outcome(new WgAnswer { Decision = WgDecision.StudyTarget }),
            Suitability = Outcome(new SuitabilityAnswer { Decision = SuitabilityDecision.ContinueLater, Trigger = trigger, RevisitDate = date, Reason = "移行計画を待つ" }),
        });

    [Fact]
    public void StartRound_TheWaitingTask_EntersRound2AtSuitability_EarlierAnswersKept()
    {
        var task = ContinueLater(RevisitTrigger.StandardizationBpr);

        var result = ReviewRules.StartRound(task, Secretariat, RevisitTrigger.StandardizationBpr, Stage.Suitability, Today, Now);

        Assert.True(result.Accepted);
        var state = result.State!;
        Assert.Equal((Stage.Suitability, 2, 8), (state.Stage, state.Round, state.Version));
        Assert.Null(state.Suitability);
        Assert.Equal(task.State.Wg, state.Wg);
        Assert.Equal(new RoundRecord(1, task.State.Wg, task.State.Suitability), Assert.Single(state.EarlierRounds));
        Assert.Equal(task.State.Suitability, state.FirstRoundOutcomeOf(Stage.Suitability));
    }

    [Fact]
    public void StartRound_AtWg_ClearsWgAndSuitability()
    {
        var state = ReviewRules.StartRound(ContinueLater(RevisitTrigger.RuleChange), Secretariat, RevisitTrigger.RuleChange, Stage.Wg, Today, Now).State!;

        Assert.Equal((Stage.Wg, (StageOutcome?)null, (StageOutcome?)null), (state.Stage, state.Wg, state.Suitability));
        Assert.NotNull(state.PreWg);
    }

    [Fact]
    public void StartRound_Refusals_ChangeNothing()
    {
        var bpr = ContinueLater(RevisitTrigger.StandardizationBpr);
        Assert.Equal(DecisionError.NotSecretariat, ReviewRules.StartRound(bpr, Assignee, RevisitTrigger.StandardizationBpr, Stage.Suitability, Today, Now).Error);
        Assert.Equal(DecisionError.NotApplicable, ReviewRules.StartRound(bpr, Secretariat, RevisitTrigger.RuleChange, Stage.Suitability, Today, Now).Error);
        Assert.Equal(DecisionError.NotApplicable, ReviewRules.StartRound(bpr, Secretariat, RevisitTrigger.StandardizationBpr, Stage.PreWg, Today, Now).Error);

        var later = ContinueLater(RevisitTrigger.Date, Today.AddDays(1));
        Assert.False(ReviewRules.WaitsFor(later.State, RevisitTrigger.Date, Today));
        Assert.True(ReviewRules.WaitsFor(ContinueLater(RevisitTrigger.Date, Today).State, RevisitTrigger.Date, Today));

        var started = bpr with { State = ReviewRules.StartRound(bpr, Secretariat, RevisitTrigger.StandardizationBpr, Stage.Suitability, Today, Now).State! };
        Assert.False(ReviewRules.WaitsFor(started.State, RevisitTrigger.StandardizationBpr, Today));
    }

    [Fact]
    public void Funnel_StaysRound1s_LaterRoundsCountedApart()
    {
        var tasks = new[] { ContinueLater(RevisitTrigger.StandardizationBpr, id: "J-0001"), ContinueLater(RevisitTrigger.StandardizationBpr, id: "J-0002"), ContinueLater(RevisitTrigger.RuleChange, id: "J-0003") };
        var before = ReviewQueries.Funnel(tasks);
        var started = tasks.Select(t => ReviewRules.WaitsFor(t.State, RevisitTrigger.StandardizationBpr, Today)
            ? t with { State = ReviewRules.StartRound(t, Secretariat, RevisitTrigger.StandardizationBpr, Stage.Suitability, Today, Now).State! }
            : t).ToList();
        var window = new StageWindow { Stage = Stage.Suitability, Subcommittee = Subcommittee.WelfareHealth, OpenedAt = Now, Deadline = Now.AddDays(30) };
        var answered = ReviewRules.Answer(started[0], Assignee, new SuitabilityAnswer { Decision = SuitabilityDecision.Done }, started[0].State.Version, window, Now).State!;
        started[0] = started[0] with { State = answered };

        Assert.Equal(before, ReviewQueries.Funnel(started));
        Assert.Equal(3, before.SuitabilityContinueLater);
        Assert.Equal(new RoundFigures(2, Tasks: 2, Pending: 1, Done: 1, ContinueLater: 0, Closed: 0, NotTarget: 0), Assert.Single(RoundFigures.Of(started)));
        Assert.Empty(RoundFigures.Of(tasks));
        Assert.Equal(["J-0003"], ReviewQueries.RevisitList(started).Values.SelectMany(v => v).Select(t => t.Id));
    }

    [Fact]
    public void StoredState_RoundTrips_Round1RowsWithoutTheColumnsReadAsRound1()
    {
        var task = ContinueLater(RevisitTrigger.StandardizationBpr);
        var state = ReviewRules.StartRound(task, Secretariat, RevisitTrigger.StandardizationBpr, Stage.Suitability, Today, Now).State!;

        Assert.Equal(state, ReviewEntityMapper.ToDomain(ReviewEntityMapper.ToEntity(state, "p")));
        var round1 = ReviewEntityMapper.ToEntity(task.State, "p");
        Assert.Null(round1.Round);
        Assert.Null(round1.EarlierRounds);
        Assert.Equal(1, ReviewEntityMapper.ToDomain(round1).Round);
    }

    [Theory]
    [InlineData("再検討開始 標準化BPR 2027-03-31", RevisitTrigger.StandardizationBpr, Stage.Suitability, "2027-03-31")]
    [InlineData("再検討開始 制度変更 2027年4月30日 WG", RevisitTrigger.RuleChange, Stage.Wg, "2027-04-30")]
    [InlineData("start revisit rule change 4/30", RevisitTrigger.RuleChange, Stage.Suitability, "2027-04-30")]
    [InlineData("再検討開始 ＤＸ 3月31日 適否", RevisitTrigger.DxProgress, Stage.Suitability, "2027-03-31")]
    [InlineData("再検討開始 日付 2027-03-02", RevisitTrigger.Date, Stage.Suitability, "2027-03-02")]
    public void Command_Parsed(string text, RevisitTrigger trigger, Stage stage, string date)
    {
        var (request, error) = RevisitParser.Parse(text, Today);

        Assert.Equal(RevisitParseError.None, error);
        Assert.Equal(new RevisitRequest(trigger, stage, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)), request);
    }

    [Theory]
    [InlineData("再検討開始 2027-03-31", RevisitParseError.MissingTrigger)]
    [InlineData("再検討開始 標準化BPR", RevisitParseError.MissingDate)]
    [InlineData("再検討開始 標準化BPR 2027-02-01", RevisitParseError.DateInPast)]
    [InlineData("再検討開始 標準化BPR 2027-03-31 プレWG", RevisitParseError.PreWgNotARound)]
    public void Command_Incomplete_SaysWhat(string text, RevisitParseError expected) =>
        Assert.Equal(expected, RevisitParser.Parse(text, Today).Error);

    [Fact]
    public void Card_OfRound2_ShowsTheRoundAndHowRound1Ended()
    {
        var task = ContinueLater(RevisitTrigger.StandardizationBpr);
        var state = ReviewRules.StartRound(task, Secretariat, RevisitTrigger.StandardizationBpr, Stage.Suitability, Today, Now).State!;
        var text = new BotText(BotCultures.Japanese);
        var model = QuestionnaireCardModel.For(task.Definition, Stage.Suitability, Now.AddDays(30), TimeZoneInfo.Utc, 1, 1, state.Version, null, text)
            with { Round = state.Round, EarlierRound = CardText.EarlierRound(state, text) };

        var visible = System.Text.Json.JsonSerializer.Serialize(Consolidation.Bot.Cards.Model.CardJsonContext.ToElement(QuestionnaireCard.Build(model)));

        Assert.Contains("第2回", System.Text.RegularExpressions.Regex.Unescape(visible), StringComparison.Ordinal);
        Assert.Contains("第1回: 引き続き検討予定（きっかけ: システム標準化のBPR） 移行計画を待つ", System.Text.RegularExpressions.Regex.Unescape(visible), StringComparison.Ordinal);
        Assert.Equal("第1回: 引き続き検討予定（システム標準化のBPR）", Consolidation.Bot.Export.OutcomeCells.EarlierRounds(state));
    }
}
