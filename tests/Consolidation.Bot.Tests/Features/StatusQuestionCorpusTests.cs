using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Status.Understanding;

namespace Consolidation.Bot.Tests.Features;

/// <summary>
/// The phrasings the secretariat and members use, Japanese (polite and plain, full-width digits, typos in subcommittee
/// names) and English, each with the intent and parameters it must be understood as. It must pass completely.
/// </summary>
public class StatusQuestionCorpusTests
{
    private static readonly DateOnly Today = new(2026, 12, 9); // a Wednesday
    private static readonly DateRange ThisWeek = new(new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 13));
    private static readonly DateRange NextWeek = new(new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 20));

    private const Subcommittee W = Subcommittee.WelfareHealth;
    private const Subcommittee C = Subcommittee.ChildrenEducation;
    private const Subcommittee P = Subcommittee.PersonnelFinance;
    private const Subcommittee L = Subcommittee.LivingSafety;
    private const Subcommittee T = Subcommittee.TownDevelopment;

    public static TheoryData<string, StatusIntent> Corpus => new()
    {
        // Overall (Japanese)
        { "全体の進捗は？", new(StatusIntentKind.Overall) },
        { "全体の進捗を教えてください", new(StatusIntentKind.Overall) },
        { "進捗どう？", new(StatusIntentKind.Overall) },
        { "今どんな状況ですか", new(StatusIntentKind.Overall) },
        { "ファネルを見せて", new(StatusIntentKind.Overall) },
        { "全体の状況を教えて下さい。", new(StatusIntentKind.Overall) },
        { "現状の件数は", new(StatusIntentKind.Overall) },
        { "しんちょくは？", new(StatusIntentKind.Overall) },
        { "集約化の検討、どうなってる？", new(StatusIntentKind.Overall) },
        { "全体の概要をお願いします", new(StatusIntentKind.Overall) },
        // Subcommittee (Japanese; short forms, variants, typos, full-width)
        { "福祉・健康部会の進捗は？", new(StatusIntentKind.Subcommittee, W) },
        { "福祉の進捗は", new(StatusIntentKind.Subcommittee, W) },
        { "福址健康部会の状況", new(StatusIntentKind.Subcommittee, W) },
        { "子ども・教育部会はどうなっていますか", new(StatusIntentKind.Subcommittee, C) },
        { "こども教育の状況を教えて", new(StatusIntentKind.Subcommittee, C) },
        { "子供教育部会の進み具合", new(StatusIntentKind.Subcommittee, C) },
        { "人事財政部会の進捗を教えてください", new(StatusIntentKind.Subcommittee, P) },
        { "人事材政の状況は？", new(StatusIntentKind.Subcommittee, P) },
        { "くらし安全部会はどう？", new(StatusIntentKind.Subcommittee, L) },
        { "暮らし・安全部会の進捗", new(StatusIntentKind.Subcommittee, L) },
        { "まちづくり部会の状況は", new(StatusIntentKind.Subcommittee, T) },
        { "まちずくり部会の進捗を教えて", new(StatusIntentKind.Subcommittee, T) },
        { "街づくりの状況", new(StatusIntentKind.Subcommittee, T) },
        { "福祉のプレＷＧはどうなっていますか", new(StatusIntentKind.Subcommittee, W, Stage.PreWg) },
        { "こども教育部会のWGの進捗", new(StatusIntentKind.Subcommittee, C, Stage.Wg) },
        // Stage (Japanese)
        { "プレWGの状況は？", new(StatusIntentKind.Stage, Stage: Stage.PreWg) },
        { "プレＷＧの進捗を教えてください", new(StatusIntentKind.Stage, Stage: Stage.PreWg) },
        { "WGの進み具合は", new(StatusIntentKind.Stage, Stage: Stage.Wg) },
        { "適否の状況", new(StatusIntentKind.Stage, Stage: Stage.Suitability) },
        { "今週締め切りのプレWGは？", new(StatusIntentKind.Stage, Stage: Stage.PreWg, Deadlines: ThisWeek) },
        // Overdue (Japanese)
        { "期限切れの事務は？", new(StatusIntentKind.Overdue) },
        { "期限を過ぎているものはありますか", new(StatusIntentKind.Overdue) },
        { "遅れている事務を教えて", new(StatusIntentKind.Overdue) },
        { "福祉で期限切れになっている事務は？", new(StatusIntentKind.Overdue, W) },
        { "プレWGで期限超過のものは", new(StatusIntentKind.Overdue, Stage: Stage.PreWg) },
        { "人事財政部会の遅延状況", new(StatusIntentKind.Overdue, P) },
        // Not answered (Japanese)
        { "未回答の人は？", new(StatusIntentKind.NotAnswered) },
        { "まだ回答していない人を教えてください", new(StatusIntentKind.NotAnswered) },
        { "福祉で未回答の人は？", new(StatusIntentKind.NotAnswered, W) },
        { "福祉・健康部会で回答していないのは誰ですか", new(StatusIntentKind.NotAnswered, W) },
        { "こども教育部会の未回答者", new(StatusIntentKind.NotAnswered, C) },
        { "子ども教育で答えてない人", new(StatusIntentKind.NotAnswered, C) },
        { "今週期限で未回答の人は？", new(StatusIntentKind.NotAnswered, Deadlines: ThisWeek) },
        { "来週締切の未回答を教えて", new(StatusIntentKind.NotAnswered, Deadlines: NextWeek) },
        { "１２月２０日までに回答がない人", new(StatusIntentKind.NotAnswered, Deadlines: new DateRange(Today, new DateOnly(2026, 12, 20))) },
        { "くらし安全のプレWG未提出者", new(StatusIntentKind.NotAnswered, L, Stage.PreWg) },
        { "回答待ちの委員は", new(StatusIntentKind.NotAnswered) },
        { "まちづくりで出していない人いる？", new(StatusIntentKind.NotAnswered, T) },
        // Task (Japanese)
        { "J-0012の履歴", new(StatusIntentKind.Task, TaskId: "J-0012") },
        { "Ｊ－００１２の状況は？", new(StatusIntentKind.Task, TaskId: "J-0012") },
        { "j-0345 の記録を見せてください", new(StatusIntentKind.Task, TaskId: "J-0345") },
        { "「住民票」の履歴を教えて", new(StatusIntentKind.Task, NameFragment: "住民票") },
        { "事務「児童手当」の経緯は？", new(StatusIntentKind.Task, NameFragment: "児童手当") },
        // My tasks (Japanese)
        { "私の担当は？", new(StatusIntentKind.MyTasks) },
        { "自分の未回答を教えて", new(StatusIntentKind.MyTasks) },
        { "わたしの担当の事務はどれですか", new(StatusIntentKind.MyTasks) },
        // Revisit (Japanese)
        { "再検討リストは？", new(StatusIntentKind.Revisit) },
        { "引き続き検討の事務を見せて", new(StatusIntentKind.Revisit) },
        { "福祉の継続検討はどれ？", new(StatusIntentKind.Revisit, W) },
        { "見直しのきっかけ別の一覧", new(StatusIntentKind.Revisit) },
        // Help (Japanese)
        { "何が聞ける？", new(StatusIntentKind.Help) },
        { "何ができますか", new(StatusIntentKind.Help) },
        { "使い方を教えて", new(StatusIntentKind.Help) },
        // English
        { "overall status", new(StatusIntentKind.Overall) },
        { "Where are we?", new(StatusIntentKind.Overall) },
        { "show me the funnel", new(StatusIntentKind.Overall) },
        { "What's the progress?", new(StatusIntentKind.Overall) },
        { "How is welfare doing?", new(StatusIntentKind.Subcommittee, W) },
        { "status of children and education", new(StatusIntentKind.Subcommittee, C) },
        { "progress of the welfair subcommittee", new(StatusIntentKind.Subcommittee, W) },
        { "personnel and finance progress", new(StatusIntentKind.Subcommittee, P) },
        { "town development status", new(StatusIntentKind.Subcommittee, T) },
        { "pre-wg status", new(StatusIntentKind.Stage, Stage: Stage.PreWg) },
        { "How is the WG going?", new(StatusIntentKind.Stage, Stage: Stage.Wg) },
        { "suitability progress", new(StatusIntentKind.Stage, Stage: Stage.Suitability) },
        { "overdue tasks", new(StatusIntentKind.Overdue) },
        { "which tasks are past due in welfare?", new(StatusIntentKind.Overdue, W) },
        { "who has not answered?", new(StatusIntentKind.NotAnswered) },
        { "who hasn't answered in welfare", new(StatusIntentKind.NotAnswered, W) },
        { "non-responders in living and safety", new(StatusIntentKind.NotAnswered, L) },
        { "unanswered tasks due this week", new(StatusIntentKind.NotAnswered, Deadlines: ThisWeek) },
        { "unanswered pre-wg tasks due next week", new(StatusIntentKind.NotAnswered, Stage: Stage.PreWg, Deadlines: NextWeek) },
        { "history of J-0012", new(StatusIntentKind.Task, TaskId: "J-0012") },
        { "record of task J-0101", new(StatusIntentKind.Task, TaskId: "J-0101") },
        { "my tasks please", new(StatusIntentKind.MyTasks) },
        { "what is assigned to me?", new(StatusIntentKind.MyTasks) },
        { "revisit list", new(StatusIntentKind.Revisit) },
        { "tasks to continue later", new(StatusIntentKind.Revisit) },
        { "what can I ask?", new(StatusIntentKind.Help) },
        { "help me", new(StatusIntentKind.Help) },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Phrasing_IsUnderstood(string phrasing, StatusIntent expected) =>
        Assert.Equal(expected, StatusQuestionRecognizer.Recognize(phrasing, Today));

    [Fact]
    public void Corpus_IsLargeEnoughAndMostlyJapanese()
    {
        var phrasings = Corpus.Select(row => (string)row[0]).ToList();

        Assert.True(phrasings.Count >= 80, $"{phrasings.Count} phrasings");
        Assert.True(phrasings.Count(p => p.Any(c => c > 0x3000)) >= 50);
        Assert.Equal(phrasings.Count, phrasings.Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("こんにちは")]
    [InlineData("asdfgh")]
    [InlineData("今日はいい天気ですね")]
    public void NotAStatusQuestion_IsNotRecognised(string text) => Assert.Null(StatusQuestionRecognizer.Recognize(text, Today));

    [Fact]
    public void NotUnderstood_ThreeClosestThingsOffered()
    {
        var closest = StatusQuestionRecognizer.Closest("未回の人", 3);

        Assert.Equal(3, closest.Count);
        Assert.Equal(StatusIntentKind.NotAnswered, closest[0]);
        Assert.Equal(3, StatusQuestionRecognizer.Closest("こんにちは").Distinct().Count());
    }
}
