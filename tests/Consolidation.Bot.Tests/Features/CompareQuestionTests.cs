using System.Globalization;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Status;
using Consolidation.Bot.Features.Status.Understanding;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Tests.Cards;

namespace Consolidation.Bot.Tests.Features;

/// <summary>Comparisons (issue 17): the winner named first with its figure, then the five ranked; the figures are the seed funnel's.</summary>
public class CompareQuestionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 9, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 9);
    private static readonly BotText Ja = new(CultureInfo.GetCultureInfo("ja-JP"));

    [Theory]
    [InlineData("除外が一番多い部会は？", StatusIntentKind.Outcome, CompareKind.Most)]
    [InlineData("which subcommittee excluded the most tasks?", StatusIntentKind.Outcome, CompareKind.Most)]
    [InlineData("検討対象が最も少ない部会はどこ", StatusIntentKind.Outcome, CompareKind.Fewest)]
    [InlineData("未回答が一番多い部会は？", StatusIntentKind.NotAnswered, CompareKind.Most)]
    [InlineData("一番進んでいる部会は？", StatusIntentKind.Overall, CompareKind.Most)]
    [InlineData("which subcommittee is furthest behind?", StatusIntentKind.Overdue, CompareKind.Most)] // behind = the most overdue
    [InlineData("回答が一番遅い部会は？", StatusIntentKind.Overall, CompareKind.Fewest)]
    public void ComparisonQuestions_Recognized(string question, StatusIntentKind kind, CompareKind compare)
    {
        var intent = StatusQuestionRecognizer.Recognize(question, Today)!;

        Assert.Equal((kind, compare), (intent.Kind, intent.Compare!.Value));
        Assert.Null(intent.Subcommittee);
    }

    [Fact]
    public void MostExcluded_OnTheSeedFunnel_WinnerAndRankingAreExact()
    {
        var snapshot = DigestCardTests.SeedFunnelReview(Now);
        var intent = StatusQuestionRecognizer.Recognize("除外が一番多い部会は？", Today)!;
        var counts = Subcommittees.All.ToDictionary(s => s, s => snapshot.Tasks.Count(t => t.Subcommittee == s && t.Has(FunnelOutcome.Excluded)));
        var top = counts.Max(c => c.Value);
        var winner = counts.First(c => c.Value == top).Key;

        var model = CompareAnswers.Build(intent, snapshot, Now, Ja);

        Assert.StartsWith($"プレWGで除外が最も多いのは {winner.Name(japanese: true)}（{top}件）", model.Title, StringComparison.Ordinal);
        Assert.Equal(counts.OrderByDescending(c => c.Value).Select(c => c.Value), model.Figures.Select(f => int.Parse(f.Value.TrimEnd('件'), CultureInfo.InvariantCulture)));
        Assert.Equal(470, model.Figures.Sum(f => int.Parse(f.Value.TrimEnd('件'), CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void NamedSubcommittee_IsNotAComparison()
    {
        var intent = StatusQuestionRecognizer.Recognize("福祉で除外が一番多いのは？", Today)!;

        Assert.Null(intent.Compare);
        Assert.Equal(Subcommittee.WelfareHealth, intent.Subcommittee);
    }
}
