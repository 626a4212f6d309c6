using Consolidation.Bot.Demo;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Status;
using Consolidation.Bot.Features.Status.Understanding;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Tests.Features;

/// <summary>
/// A destination (集約先) in a question: how many WG study targets go there, of all study targets, on the seed-funnel
/// review, counted the same way as directly over the tasks; 所管局 as a destination is not read as a bureau.
/// </summary>
public class DestinationQuestionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 9, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 9);
    private static readonly Consolidation.Bot.Review.ReviewSnapshot Seed = SeedFunnelReview.Snapshot(Now);

    private static StatusAnswers Answers => new(Seed, Now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"), new BotText(BotCultures.Japanese));

    [Theory]
    [InlineData("集約先が拠点区の事務は何件？", Destination.HubWard)]
    [InlineData("拠点区に集約するのはいくつ", Destination.HubWard)]
    [InlineData("委託にする事務は何件ですか", Destination.Outsourcing)]
    [InlineData("システム化で集約する事務の数", Destination.System)]
    [InlineData("所管局に集約する事務は何件？", Destination.Bureau)]
    [InlineData("how many go to a hub ward?", Destination.HubWard)]
    [InlineData("how many will be outsourced?", Destination.Outsourcing)]
    public void DestinationCount_IsTheStudyTargetsGoingThere(string phrasing, Destination destination)
    {
        var intent = StatusQuestionRecognizer.Recognize(phrasing, Today)!;

        var model = Answers.Compose(intent)!;

        var targets = Seed.Tasks.Where(t => t.Has(FunnelOutcome.StudyTarget)).ToList();
        var going = targets.Count(t => (t.State.Wg?.Answer as WgAnswer)?.Destination == destination);
        Assert.Equal((StatusIntentKind.Outcome, destination, (string?)null), (intent.Kind, intent.Destination!.Value, intent.Bureau));
        Assert.True(going > 0, "the seed review sends some study targets there");
        Assert.Equal($"{going}件（全{targets.Count}件中）", model.Figures[0].Value);
        Assert.Equal(going, model.List.Count);
    }
}
