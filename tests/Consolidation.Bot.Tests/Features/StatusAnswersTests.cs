using System.Globalization;
using System.Text.RegularExpressions;
using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Cards.Status;
using Consolidation.Bot.Demo;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Status;
using Consolidation.Bot.Features.Status.Understanding;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review;
using Consolidation.Bot.Tests.Cards;

namespace Consolidation.Bot.Tests.Features;

/// <summary>Status answers on the seed-funnel demo review: the numbers are exact.</summary>
public partial class StatusAnswersTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly DateTimeOffset Now = new(2026, 12, 9, 1, 0, 0, TimeSpan.Zero);
    private static readonly BotText Ja = new(CultureInfo.GetCultureInfo("ja-JP"));
    private static readonly ReviewSnapshot Seed = DigestCardTests.SeedFunnelReview(Now);

    private static StatusAnswers Answers(ReviewSnapshot snapshot) => new(snapshot, Now, Tokyo, Ja);

    private static string Fact(StatusCardModel model, string title) => model.Figures.Single(f => f.Title == title).Value;

    private static int Number(string value, string label) => int.Parse(Regex.Match(value, Regex.Escape(label) + @" (\d+)件").Groups[1].Value, CultureInfo.InvariantCulture);

    [Fact]
    public void Overall_SeedFunnel_ExactFigures()
    {
        var model = Answers(Seed).Overall(null);

        Assert.Equal("全体の進捗", model.Title);
        Assert.Equal("812件", Fact(model, "棚卸し（対象事務）"));
        Assert.Equal("残す 342件／除外 470件／未回答 0件", Fact(model, "プレWG"));
        Assert.Equal("検討対象 276件／対象外 66件／未回答 0件", Fact(model, "WG"));
        Assert.Equal("集約化等実施済 6件／引き続き検討予定 233件／検討終了 37件／未回答 0件", Fact(model, "適否"));
        Assert.Equal("0件", Fact(model, "期限切れ"));
    }

    [Fact]
    public void PerSubcommittee_SeedFunnel_AddUpToTheReview()
    {
        var models = Subcommittees.All.Select(s => (s, Model: Answers(Seed).Subcommittee(s, null, null))).ToList();

        Assert.All(models, m => Assert.Equal(DemoReview.TaskCounts[m.s] + "件", Fact(m.Model, "棚卸し（対象事務）")));
        Assert.Equal(342, models.Sum(m => Number(Fact(m.Model, "プレWG"), "残す")));
        Assert.Equal(470, models.Sum(m => Number(Fact(m.Model, "プレWG"), "除外")));
        Assert.Equal(276, models.Sum(m => Number(Fact(m.Model, "WG"), "検討対象")));
        Assert.Equal(6, models.Sum(m => Number(Fact(m.Model, "適否"), "集約化等実施済")));
        Assert.Equal(233, models.Sum(m => Number(Fact(m.Model, "適否"), "引き続き検討予定")));
        Assert.Equal(37, models.Sum(m => Number(Fact(m.Model, "適否"), "検討終了")));
        Assert.Equal("福祉・健康部会の進捗", models.Single(m => m.s == Subcommittee.WelfareHealth).Model.Title);
    }

    [Fact]
    public void Revisit_SeedFunnel_233ContinueLaterTasksByTrigger()
    {
        var model = Answers(Seed).Revisit(null);

        Assert.Equal("233件", Fact(model, "合計"));
        Assert.Equal(233, model.Figures.Where(f => f.Title is not ("合計" or "再検討の期日が来た事務")).Sum(f => int.Parse(f.Value.TrimEnd('件'), CultureInfo.InvariantCulture)));
        Assert.Equal(233, model.List.Count);
    }

    [Fact]
    public void NotAnsweredAndOverdue_OpenPreWg_ExactCountsAndNames()
    {
        var data = DemoReview.Create();
        var welfare = data.Tasks.Where(t => t.Subcommittee == Subcommittee.WelfareHealth).ToList();
        var tasks = welfare.Select((t, i) => new ReviewTask(t, i < 10
            ? new TaskState { TaskId = t.Id, Stage = Stage.Wg, Version = 3, PreWg = new StageOutcome { Answer = new PreWgAnswer { Decision = PreWgDecision.Keep, Routine = true }, AnsweredBy = Member.NormalizeEmail(t.Assignee), AnsweredAt = Now } }
            : new TaskState { TaskId = t.Id, Stage = Stage.PreWg, Version = 2 })).ToList();
        var late = new StageWindow { Stage = Stage.PreWg, Subcommittee = Subcommittee.WelfareHealth, OpenedAt = Now.AddDays(-20), Deadline = Now.AddDays(-2) };
        var snapshot = new ReviewSnapshot("demo", "r", 1, tasks, data.Members, [late]);
        var open = welfare.Count - 10;
        var members = welfare.Skip(10).Select(t => Member.NormalizeEmail(t.Assignee)).Distinct().Count();

        var notAnswered = Answers(snapshot).NotAnswered(Subcommittee.WelfareHealth, null, null);
        var overdue = Answers(snapshot).Overdue(null, Stage.PreWg, null);
        var stage = Answers(snapshot).Stage(Stage.PreWg, null);

        Assert.Equal($"{members}人", Fact(notAnswered, "担当区長"));
        Assert.Equal($"{open}件", Fact(notAnswered, "事務"));
        Assert.Equal(members, notAnswered.List.Count);
        var top = welfare.Skip(10).GroupBy(t => Member.NormalizeEmail(t.Assignee)).OrderByDescending(g => g.Count()).First();
        Assert.StartsWith($"{data.Members.Single(m => m.Email == top.Key).Name} {top.Count()}件", notAnswered.List[0], StringComparison.Ordinal);
        Assert.Equal($"{open}件", Fact(overdue, "事務"));
        Assert.Equal(open, overdue.List.Count);
        Assert.Equal($"10／{welfare.Count}件（{Math.Round(1000.0 / welfare.Count, MidpointRounding.AwayFromZero)}%、期限 12月7日）", Fact(stage, "福祉・健康部会"));
    }

    [Fact]
    public void Task_RecordWithOutcomesAndHistory()
    {
        var task = Seed.Tasks.First(t => t.State.Suitability is not null);
        var history = new List<HistoryEntry>
        {
            new() { TaskId = task.Id, Kind = HistoryKind.Answer, Stage = Stage.PreWg, By = task.Definition.Assignee, At = Now.AddDays(-3), CardVersion = 2, ResultingVersion = 3, Answer = task.State.PreWg!.Answer },
        };

        var model = Answers(Seed).Task(task.Id.ToLowerInvariant(), history)!;

        Assert.Equal($"{task.Id} {task.Definition.Name}", model.Title);
        Assert.Equal(task.Subcommittee.JapaneseName(), Fact(model, "部会"));
        Assert.StartsWith(task.State.PreWg!.Answer is PreWgAnswer { Decision: PreWgDecision.Keep } ? "検討対象候補として残す" : "除外", Fact(model, "プレWG"), StringComparison.Ordinal);
        Assert.Single(model.List);
        Assert.Null(Answers(Seed).Task("X-9999", []));
    }

    [Fact]
    public void StatusCard_FirstFewNamesThenShowMore()
    {
        var model = new StatusCardModel("t", [new Fact("a", "1")], "names", Enumerable.Range(1, 12).Select(i => $"name {i}").ToList(), null, Ja);

        var card = StatusCard.Build(model);

        Assert.Equal(1 + 1 + 1 + StatusCard.FirstFew, card.Body.Count);
        var more = Assert.IsType<ShowCardAction>(Assert.Single(card.Actions!));
        Assert.Equal("さらに表示（7件）", more.Title);
        Assert.Equal(7, more.Card.Body.Count);
    }

    [Fact]
    public void Answers_For812Tasks_InWellUnderASecond()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var intent in new[] { "全体の進捗は", "福祉の進捗は", "未回答の人は", "期限切れは", "再検討リストは", "プレwgの状況は" })
        {
            var i = StatusQuestionRecognizer.Recognize(intent, new DateOnly(2026, 12, 9))!;
            _ = i.Kind switch
            {
                StatusIntentKind.Overall => StatusCard.Build(Answers(Seed).Overall(null)),
                StatusIntentKind.Subcommittee => StatusCard.Build(Answers(Seed).Subcommittee(i.Subcommittee!.Value, null, null)),
                StatusIntentKind.NotAnswered => StatusCard.Build(Answers(Seed).NotAnswered(null, null, null)),
                StatusIntentKind.Overdue => StatusCard.Build(Answers(Seed).Overdue(null, null, null)),
                StatusIntentKind.Revisit => StatusCard.Build(Answers(Seed).Revisit(null)),
                _ => StatusCard.Build(Answers(Seed).Stage(Stage.PreWg, null)),
            };
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"six answers took {watch.Elapsed}");
    }
}
