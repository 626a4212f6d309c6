using Consolidation.Bot.Cards;
using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Tests.Cards.Questionnaire;

public class OutcomeCardTests
{
    private static readonly TaskSummary Task = new("T-0042", "封入封緘作業", "市民局", Subcommittee.PersonnelFinance);

    private static StageOutcome Outcome(StageAnswer answer, bool late = false) =>
        new() { Answer = answer, AnsweredBy = "hanako@city.example", AnsweredAt = CardJson.Deadline.AddMinutes(-29), Late = late };

    [Theory]
    [InlineData("ja-JP", "山田 花子", "2026年12月20日(日) 23:30", "除外", "窓口判断が必要")]
    [InlineData("en-US", "山田 花子", "Sun 20 Dec 2026 23:30", "Exclude", "窓口判断が必要")]
    public void AnsweredCard_PreWg_ShowsWhoWhenAndWhat(string culture, string who, string when, string decision, string reason)
    {
        var answer = new PreWgAnswer { Decision = PreWgDecision.Exclude, Reason = "窓口判断が必要", AnnualCases = 1200 };
        var card = CardJson.Parse(AnsweredCard.Build(new AnsweredCardModel
        {
            Task = Task, Outcome = Outcome(answer), AnsweredByName = "山田 花子", TimeZone = CardJson.Tokyo, Text = CardJson.Text(culture),
        }));

        var visible = CardJson.VisibleText(card);
        Assert.Contains(who, visible, StringComparison.Ordinal);
        Assert.Contains(when, visible, StringComparison.Ordinal);
        Assert.Contains(decision, visible, StringComparison.Ordinal);
        Assert.Contains(reason, visible, StringComparison.Ordinal);
        Assert.Contains("1,200", visible, StringComparison.Ordinal);
        Assert.Empty(CardJson.Inputs(card));
        Assert.Null(card["refresh"]);
    }

    [Fact]
    public void AnsweredCard_RoughAnswer_SaysTheBatchCard_ShowsNoBasicItemAsIfAnswered()
    {
        var answer = new PreWgAnswer { Decision = PreWgDecision.Exclude, Reason = "窓口での対面対応が前提", Rough = true };

        var visible = CardJson.VisibleText(CardJson.Parse(AnsweredCard.Build(new AnsweredCardModel
        {
            Task = Task, Outcome = Outcome(answer), AnsweredByName = "山田 花子", TimeZone = CardJson.Tokyo, Text = CardJson.Text("ja-JP"),
        })));

        Assert.Contains("一括カード（粗い選定）", visible, StringComparison.Ordinal);
        Assert.Contains("窓口での対面対応が前提", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("定例", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("いいえ", visible, StringComparison.Ordinal);
        Assert.Contains("／一括カード（粗い選定）", HistorySummary.Of(new HistoryEntry
        {
            TaskId = "T-0042", Kind = HistoryKind.Answer, Stage = Stage.PreWg, By = "a@city.example", At = CardJson.Deadline, CardVersion = 2, ResultingVersion = 3, Answer = answer,
        }, CardJson.Text("ja-JP")), StringComparison.Ordinal);
    }

    [Fact]
    public void AnsweredCard_LateSuitability_ShowsLateMarkTriggerDateAndRefresh()
    {
        var answer = new SuitabilityAnswer { Decision = SuitabilityDecision.ContinueLater, Trigger = RevisitTrigger.Date, RevisitDate = new DateOnly(2027, 4, 1) };
        var card = CardJson.Parse(AnsweredCard.Build(new AnsweredCardModel
        {
            Task = Task, Outcome = Outcome(answer, late: true), AnsweredByName = "山田 花子", TimeZone = CardJson.Tokyo,
            AssigneeUserId = "29:1member", Text = CardJson.Text("ja-JP"),
        }));

        var visible = CardJson.VisibleText(card);
        Assert.Contains("期限後の回答", visible, StringComparison.Ordinal);
        Assert.Contains("引き続き検討予定", visible, StringComparison.Ordinal);
        Assert.Contains("日付", visible, StringComparison.Ordinal);
        Assert.Contains("2027年4月1日(木)", visible, StringComparison.Ordinal);
        Assert.Equal(CardVerbs.RefreshTask, (string?)card["refresh"]!["action"]!["verb"]);
    }

    [Fact]
    public void AnsweredCard_Wg_EnglishNamesDestination()
    {
        var answer = new WgAnswer { Decision = WgDecision.StudyTarget, Destination = Destination.HubWard };
        var visible = CardJson.VisibleText(CardJson.Parse(AnsweredCard.Build(new AnsweredCardModel
        {
            Task = Task, Outcome = Outcome(answer), AnsweredByName = "Hanako", TimeZone = CardJson.Tokyo, Text = CardJson.Text("en-US"),
        })));

        Assert.Contains("Study target", visible, StringComparison.Ordinal);
        Assert.Contains("A hub ward", visible, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StaleReason.AlreadyAnswered, "すでに回答済み")]
    [InlineData(StaleReason.Changed, "事務の状態が変わりました")]
    public void StaleCard_ShowsReasonCurrentStageLatestDecisionAndShowTask(StaleReason reason, string expected)
    {
        var card = CardJson.Parse(StaleCard.Build(new StaleCardModel
        {
            Task = Task, Reason = reason, CurrentStage = Stage.Wg, TimeZone = CardJson.Tokyo, Text = CardJson.Text("ja-JP"),
            LatestOutcome = Outcome(new PreWgAnswer { Decision = PreWgDecision.Keep }),
        }));

        var visible = CardJson.VisibleText(card);
        Assert.Contains(expected, visible, StringComparison.Ordinal);
        Assert.Contains("現在の段階: WG", visible, StringComparison.Ordinal);
        Assert.Contains("プレWG: 検討対象候補として残す", visible, StringComparison.Ordinal);
        var action = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal(CardVerbs.ShowTask, (string?)action["verb"]);
        Assert.Equal("T-0042", (string?)action["data"]![QuestionnaireFields.TaskId]);
    }

    [Theory]
    [InlineData("ja-JP", "ほかの方の担当")]
    [InlineData("en-US", "assigned to another member")]
    public void NotYourTaskCard_NamesTaskButNotAssignee(string culture, string expected)
    {
        var json = Consolidation.Bot.Cards.Model.CardJsonContext.ToJson(NotYourTaskCard.Build(new NotYourTaskCardModel(Task, CardJson.Text(culture))));

        Assert.Contains(expected, json, StringComparison.Ordinal);
        Assert.Contains("封入封緘作業", json, StringComparison.Ordinal);
        Assert.Contains("T-0042", json, StringComparison.Ordinal);
        Assert.DoesNotContain("@", json, StringComparison.Ordinal);
    }

    [Fact]
    public void StageClosedCard_NamesStageAndTask()
    {
        var visible = CardJson.VisibleText(CardJson.Parse(StageClosedCard.Build(new StageClosedCardModel(Task, Stage.Suitability, CardJson.Text("en-US")))));

        Assert.Contains("The Suitability stage is closed", visible, StringComparison.Ordinal);
        Assert.Contains("T-0042", visible, StringComparison.Ordinal);
    }

    [Fact]
    public void MyTasksCard_MoreThan15_Shows15NearestDeadlineFirstAndHowManyMore()
    {
        var tasks = Enumerable.Range(1, 20)
            .Select(i => new MyTaskRow($"T-{i:00}", $"事務{i}", Stage.PreWg, CardJson.Deadline.AddDays(-i), Overdue: i == 20))
            .ToList();

        var card = CardJson.Parse(MyTasksCard.Build(new MyTasksCardModel(tasks, CardJson.Tokyo, CardJson.Text("ja-JP"))));

        var buttons = CardJson.Elements(card).Where(e => (string?)e["type"] == "ActionSet").Select(e => e["actions"]![0]!).ToList();
        Assert.Equal(MyTasksCard.MaxRows, buttons.Count);
        Assert.All(buttons, b => Assert.Equal(CardVerbs.ShowTask, (string?)b["verb"]));
        Assert.Equal("T-20", (string?)buttons[0]["data"]![QuestionnaireFields.TaskId]);
        var visible = CardJson.VisibleText(card);
        Assert.Contains("あなたの未回答の事務（20件）", visible, StringComparison.Ordinal);
        Assert.Contains("ほか5件", visible, StringComparison.Ordinal);
        Assert.Contains("期限切れ", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("T-05", visible, StringComparison.Ordinal);
    }

    [Fact]
    public void MyTasksCard_Empty_SaysNothingIsOpen()
    {
        var card = CardJson.Parse(MyTasksCard.Build(new MyTasksCardModel([], CardJson.Tokyo, CardJson.Text("en-US"))));

        Assert.Contains("You have no open tasks.", CardJson.VisibleText(card), StringComparison.Ordinal);
        Assert.DoesNotContain(CardJson.Elements(card), e => (string?)e["type"] == "ActionSet");
    }
}
