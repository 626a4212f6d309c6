using System.Globalization;
using System.Text.Json.Nodes;
using Consolidation.Bot.Cards.Digest;
using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Demo;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review;

namespace Consolidation.Bot.Tests.Cards;

/// <summary>The digest of the seed-funnel demo review (812 → 342 → 276 → 6 / 233 / 37) states its figures in the right places.</summary>
public class DigestCardTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero); // Monday 09:00 JST

    public static ReviewSnapshot SeedFunnelReview(DateTimeOffset now) => Consolidation.Bot.Demo.SeedFunnelReview.Snapshot(now);

    private static JsonObject Json(AdaptiveCard card) => JsonNode.Parse(CardJsonContext.ToJson(card))!.AsObject();

    private static JsonObject Element(JsonObject card, string id) =>
        card["body"]!.AsArray().Select(e => e!.AsObject()).Single(e => (string?)e["id"] == id);

    private static string Fact(JsonObject card, int index) => (string)Element(card, "funnel")["facts"]![index]!["value"]!;

    [Fact]
    public void SeedFunnel_Japanese_FiguresInTheRightPlaces()
    {
        var model = DigestComposer.Compose(SeedFunnelReview(Now), Now, Tokyo, previous: null, new BotText(CultureInfo.GetCultureInfo("ja-JP")));
        var card = Json(DigestCard.Build(model));

        Assert.Equal("812件", Fact(card, 0));
        Assert.Equal("残す 342件／除外 470件／未回答 0件", Fact(card, 1));
        Assert.Equal("検討対象 276件／対象外 66件／未回答 0件", Fact(card, 2));
        Assert.Equal("集約化等実施済 6件／引き続き検討予定 233件／検討終了 37件／未回答 0件", Fact(card, 3));

        var bars = Element(card, "funnelChart");
        Assert.Equal("Chart.VerticalBar", (string)bars["type"]!);
        Assert.Equal([812.0, 342, 276, 6, 233, 37], bars["data"]!.AsArray().Select(p => (double)p!["y"]!));
        Assert.Equal("局区一体事務 812件 → 検討対象候補 342件 → 検討対象 276件 → 集約化等実施済 6件／引き続き検討予定 233件／検討終了 37件", (string)bars["fallback"]!["text"]!);

        var donut = Element(card, "preWgChart");
        Assert.Equal("Chart.Donut", (string)donut["type"]!);
        Assert.Equal([342.0, 470, 0], donut["data"]!.AsArray().Select(p => (double)p!["value"]!));
        Assert.Equal("TextBlock", (string)donut["fallback"]!["type"]!);

        Assert.Contains("2026年12月7日 9:00 時点", CardJsonContext.ToJson(DigestCard.Build(model)), StringComparison.Ordinal);
        Assert.Contains("今回が最初のダイジェストです", (string)Element(card, "changes")["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void SeedFunnel_English_SameFigures()
    {
        var model = DigestComposer.Compose(SeedFunnelReview(Now), Now, Tokyo, previous: null, new BotText(CultureInfo.GetCultureInfo("en-US")));
        var card = Json(DigestCard.Build(model));

        Assert.Equal("812 tasks", Fact(card, 0));
        Assert.Equal("kept 342 / excluded 470 / pending 0", Fact(card, 1));
        Assert.Equal("study targets 276 / not targets 66 / pending 0", Fact(card, 2));
        Assert.Equal("done 6 / continue later 233 / closed 37 / pending 0", Fact(card, 3));
    }

    [Fact]
    public void ChangesSinceLastDigest_NonZeroDeltasOnly()
    {
        var snapshot = SeedFunnelReview(Now);
        var current = DigestComposer.Figures(snapshot, Now);
        var previous = current with
        {
            Funnel = current.Funnel with { PreWgKept = 330, PreWgExcluded = 460, PreWgPending = 22 },
            Answered = current.Answered - 22,
            At = Now.AddDays(-7),
        };

        var card = Json(DigestCard.Build(DigestComposer.Compose(snapshot, Now, Tokyo, previous, new BotText(CultureInfo.GetCultureInfo("ja-JP")))));

        Assert.Equal("前回（11月30日 9:00）から：回答 +22件、残す +12件、除外 +10件", (string)Element(card, "changes")["text"]!);
    }

    [Fact]
    public void OverdueAndProgress_CountedFromOpenWindows()
    {
        var data = DemoReview.Create();
        var tasks = data.Tasks.Where(t => t.Subcommittee == Subcommittee.WelfareHealth).Take(5)
            .Select(t => new ReviewTask(t, new TaskState { TaskId = t.Id, Stage = Stage.PreWg, Version = 2 })).ToList();
        var window = new StageWindow { Stage = Stage.PreWg, Subcommittee = Subcommittee.WelfareHealth, OpenedAt = Now.AddDays(-10), Deadline = Now.AddDays(-1) };
        var snapshot = new ReviewSnapshot("demo", "r", 1, tasks, data.Members, [window]);

        var model = DigestComposer.Compose(snapshot, Now, Tokyo, null, new BotText(CultureInfo.GetCultureInfo("ja-JP")));
        var card = Json(DigestCard.Build(model));

        Assert.Equal(5, model.OverdueTasks);
        Assert.Equal("期限を過ぎた未回答 5件（" + model.OverdueMembers + "人）", (string)Element(card, "overdue")["text"]!);
        Assert.Contains("福祉・健康部会 プレWG：0／5件 □□□□□□□□□□ 0%", CardJsonContext.ToJson(DigestCard.Build(model)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 40, "□□□□□□□□□□")]
    [InlineData(32, 40, "■■■■■■■■□□")]
    [InlineData(40, 40, "■■■■■■■■■■")]
    [InlineData(0, 0, "□□□□□□□□□□")]
    public void Bar_TenCells(int answered, int assigned, string expected) => Assert.Equal(expected, DigestCard.Bar(answered, assigned));
}
