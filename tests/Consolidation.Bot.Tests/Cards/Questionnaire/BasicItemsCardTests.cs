using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Domain;
using F = Consolidation.Bot.Cards.Questionnaire.QuestionnaireFields;

namespace Consolidation.Bot.Tests.Cards.Questionnaire;

/// <summary>The policy's six basic items on the cards (issue 18): both halves of item 3, item 5 not a reason to exclude, item 6 at 適否, the destination optional.</summary>
public class BasicItemsCardTests
{
    [Fact]
    public void PreWgCard_AsksBothHalvesOfItem3_AndSaysTheMigrationIsNoReasonToExclude()
    {
        var card = CardJson.Parse(QuestionnaireCard.Build(CardJson.Model(Stage.PreWg)));
        var inputs = CardJson.Inputs(card);

        Assert.Contains("かえって非効率", (string?)inputs[F.LessEfficientAtWard]["label"], StringComparison.Ordinal);
        Assert.Null(inputs[F.LessEfficientAtWard]["isRequired"]);
        Assert.Contains("事業者", (string?)inputs[F.BusinessesServed]["label"], StringComparison.Ordinal);
        Assert.Contains("それだけでは除外の理由になりません", CardJson.VisibleText(card), StringComparison.Ordinal);
    }

    [Fact]
    public void WgCard_DestinationIsOptionalWithFreeText()
    {
        var inputs = CardJson.Inputs(CardJson.Parse(QuestionnaireCard.Build(CardJson.Model(Stage.Wg))));

        Assert.Null(inputs[F.Destination]["isRequired"]);
        Assert.Equal("Input.Text", (string?)inputs[F.DestinationNote]["type"]);
        Assert.Null(inputs[F.DestinationNote]["isRequired"]);
    }

    [Fact]
    public void SuitabilityCard_AsksStaffingAndBudgetAtTheDestination()
    {
        var inputs = CardJson.Inputs(CardJson.Parse(QuestionnaireCard.Build(CardJson.Model(Stage.Suitability))));

        Assert.Contains("体制・予算措置", (string?)inputs[F.StaffingBudget]["label"], StringComparison.Ordinal);
        Assert.Null(inputs[F.StaffingBudget]["isRequired"]);
    }
}
