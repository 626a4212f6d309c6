using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Features.Status.Understanding;

namespace Consolidation.Bot.Tests.Features;

/// <summary>A revisit trigger in a question: the revisit list of that trigger only, counted as over the seed review's tasks.</summary>
public class RevisitTriggerQuestionTests
{
    private static readonly DateOnly Today = SeedFunnel.Today;
    private static Consolidation.Bot.Review.ReviewSnapshot Seed => SeedFunnel.Snapshot;

    [Theory]
    [InlineData("標準化BPRがきっかけの事務は？", RevisitTrigger.StandardizationBpr)]
    [InlineData("制度変更で再検討する事務", RevisitTrigger.RuleChange)]
    [InlineData("ＤＸの進展がきっかけの再検討リスト", RevisitTrigger.DxProgress)]
    [InlineData("引き続き検討のうち制度改正待ちは何件", RevisitTrigger.RuleChange)]
    [InlineData("revisit list for the standardization BPR", RevisitTrigger.StandardizationBpr)]
    public void Trigger_TheRevisitListOfThatTriggerOnly(string phrasing, RevisitTrigger trigger)
    {
        var intent = StatusQuestionRecognizer.Recognize(phrasing, Today)!;

        var model = SeedFunnel.Answers.Compose(intent)!;

        var expected = Seed.Tasks.Count(t => t.State.Suitability?.Answer is SuitabilityAnswer { Decision: SuitabilityDecision.ContinueLater, Trigger: var tr } && tr == trigger);
        Assert.Equal((StatusIntentKind.Revisit, trigger), (intent.Kind, intent.Trigger!.Value));
        Assert.True(expected > 0);
        Assert.Equal((trigger.Name(japanese: true), $"{expected}件"), (model.Figures[0].Title, model.Figures[0].Value));
        Assert.DoesNotContain(model.Figures, f => Enum.GetValues<RevisitTrigger>().Any(other => other != trigger && other.Name(japanese: true) == f.Title));
    }
}
