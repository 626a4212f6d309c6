using System.Globalization;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Status;
using Consolidation.Bot.Features.Status.Understanding;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Tests.Cards;

namespace Consolidation.Bot.Tests.Features;

/// <summary>
/// Outcome questions (issue 17): an outcome named is the subject, and the answer starts with its count in words and of
/// how many, on the seed funnel 812 / 342 (470 excluded) / 276 (66 not) / 6 / 233 / 37.
/// </summary>
public class OutcomeQuestionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 9, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 9);

    [Theory]
    [InlineData("プレWGで除外したのは何件？", FunnelOutcome.Excluded, "470件（全812件中）")]
    [InlineData("除外された事務はいくつ", FunnelOutcome.Excluded, "470件（全812件中）")]
    [InlineData("how many were excluded at pre-WG?", FunnelOutcome.Excluded, "470件（全812件中）")]
    [InlineData("残した事務は何件ですか", FunnelOutcome.Kept, "342件（全812件中）")]
    [InlineData("WGで検討対象になったのは何件", FunnelOutcome.StudyTarget, "276件（全342件中）")]
    [InlineData("how many study targets did the WG make?", FunnelOutcome.StudyTarget, "276件（全342件中）")]
    [InlineData("対象外はいくつ？", FunnelOutcome.NotTarget, "66件（全342件中）")]
    [InlineData("検討終了の事務は何件", FunnelOutcome.Closed, "37件（全276件中）")]
    [InlineData("けんとうしゅうりょうはなんけん", FunnelOutcome.Closed, "37件（全276件中）")]
    [InlineData("すでに集約されている事務は何件？", FunnelOutcome.Done, "6件（全276件中）")]
    public void CountQuestion_AnsweredWithTheCountFirst(string question, FunnelOutcome outcome, string count)
    {
        var intent = StatusQuestionRecognizer.Recognize(question, Today)!;

        Assert.Equal((StatusIntentKind.Outcome, outcome, false), (intent.Kind, intent.Outcome!.Value, intent.List));
        var model = Answers().Outcome(outcome, intent.Subcommittee, intent.List);
        Assert.Equal(outcome.Name(japanese: true), model.Figures[0].Title);
        Assert.Equal(count, model.Figures[0].Value);
    }

    [Fact]
    public void ListQuestionInOneSubcommittee_ListsItsTasksOnly()
    {
        var intent = StatusQuestionRecognizer.Recognize("福祉・健康部会で除外した事務の一覧", Today)!;

        Assert.Equal((StatusIntentKind.Outcome, FunnelOutcome.Excluded, Subcommittee.WelfareHealth, true), (intent.Kind, intent.Outcome!.Value, intent.Subcommittee!.Value, intent.List));
        var snapshot = DigestCardTests.SeedFunnelReview(Now);
        var expected = snapshot.Tasks.Count(t => t.Subcommittee == Subcommittee.WelfareHealth && t.Has(FunnelOutcome.Excluded));
        var model = Answers().Outcome(FunnelOutcome.Excluded, Subcommittee.WelfareHealth, list: true);
        Assert.Equal(expected, model.List.Count);
        Assert.StartsWith($"{expected}件", model.Figures[0].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void BySubcommittee_AddsUpToTheTotal()
    {
        var model = Answers().Outcome(FunnelOutcome.Excluded, null, list: false);

        Assert.Equal(470, model.Figures.Skip(1).Sum(f => int.Parse(f.Value.TrimEnd('件'), CultureInfo.InvariantCulture)));
    }

    private static StatusAnswers Answers() =>
        new(DigestCardTests.SeedFunnelReview(Now), Now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"), new BotText(CultureInfo.GetCultureInfo("ja-JP")));
}
