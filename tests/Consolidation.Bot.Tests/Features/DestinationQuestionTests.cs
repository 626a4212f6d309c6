using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Status.Understanding;

namespace Consolidation.Bot.Tests.Features;

/// <summary>
/// A destination (集約先) in a question: how many WG study targets go there, of all study targets, on the seed-funnel
/// review, counted the same way as directly over the tasks; 所管局 as a destination is not read as a bureau.
/// </summary>
public class DestinationQuestionTests
{
    private static readonly DateOnly Today = SeedFunnel.Today;
    private static Consolidation.Bot.Review.ReviewSnapshot Seed => SeedFunnel.Snapshot;

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

        var model = SeedFunnel.Answers.Compose(intent)!;

        var targets = Seed.Tasks.Where(t => t.Has(FunnelOutcome.StudyTarget)).ToList();
        var going = targets.Count(t => (t.State.Wg?.Answer as WgAnswer)?.Destination == destination);
        Assert.Equal((StatusIntentKind.Outcome, destination, (string?)null), (intent.Kind, intent.Destination!.Value, intent.Bureau));
        Assert.True(going > 0, "the seed review sends some study targets there");
        Assert.Equal($"{going}件（全{targets.Count}件中）", model.Figures[0].Value);
        Assert.Equal(going, model.List.Count);
    }
}
