using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Status.Understanding;

namespace Consolidation.Bot.Tests.Features;

/// <summary>
/// A bureau (所管局) in a question limits the answer to its tasks: for every bureau of the seed-funnel review the count of
/// an outcome equals the count over its tasks; a bureau the review does not have is said, never answered for another.
/// </summary>
public class BureauQuestionTests
{
    private static readonly DateOnly Today = SeedFunnel.Today;
    private static Consolidation.Bot.Review.ReviewSnapshot Seed => SeedFunnel.Snapshot;

    public static TheoryData<string> Bureaus => [.. Seed.Tasks.Select(t => t.Definition.Bureau).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Bureaus))]
    public void ExcludedInABureau_CountsThatBureausTasksOnly(string bureau)
    {
        var intent = StatusQuestionRecognizer.Recognize($"プレWGで{bureau}の除外は何件？", Today)!;

        var model = SeedFunnel.Answers.Compose(intent)!;

        var tasks = Seed.Tasks.Where(t => t.Definition.Bureau == bureau).ToList();
        var expected = $"{tasks.Count(t => t.Has(FunnelOutcome.Excluded))}件（全{tasks.Count}件中）";
        Assert.Equal((StatusIntentKind.Outcome, FunnelOutcome.Excluded), (intent.Kind, intent.Outcome));
        Assert.StartsWith(bureau + ":", model.Title, StringComparison.Ordinal);
        Assert.Equal(expected, model.Figures[0].Value);
    }

    [Fact]
    public void BureauTheReviewDoesNotHave_SaidNotAnsweredForAnother()
    {
        var intent = StatusQuestionRecognizer.Recognize("宇宙開発局の事務は何件？", Today)!;

        var model = SeedFunnel.Answers.Compose(intent)!;

        Assert.Equal("「宇宙開発局」という所管局の事務は見つかりませんでした。", model.Title);
        Assert.Empty(model.Figures);
    }

    [Theory]
    [InlineData("事務局の方だけ聞けますか")]
    [InlineData("全体の進捗は？")]
    public void NoBureauNamed_NoBureauRead(string phrasing) =>
        Assert.Null(StatusQuestionRecognizer.Recognize(phrasing, Today)?.Bureau);
}
