using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Tests.Cards.Questionnaire;

/// <summary>Recognising a questionnaire card read back from the chat (its JSON as Microsoft Graph returns it).</summary>
public class PostedQuestionnaireCardTests
{
    [Theory]
    [InlineData(Stage.PreWg)]
    [InlineData(Stage.Wg)]
    [InlineData(Stage.Suitability)]
    public void IsFor_TheCardOfThatTaskAndVersion_True(Stage stage)
    {
        var json = CardJsonContext.ToJson(QuestionnaireCard.Build(CardJson.Model(stage)));

        Assert.True(PostedQuestionnaireCard.IsFor(json, "T-0042", 7));
    }

    [Theory]
    [InlineData("T-0042", 6)]
    [InlineData("T-0042", 8)]
    [InlineData("T-0043", 7)]
    [InlineData("T-004", 7)]
    public void IsFor_AnotherTaskOrVersion_False(string taskId, int version)
    {
        var json = CardJsonContext.ToJson(QuestionnaireCard.Build(CardJson.Model(Stage.PreWg)));

        Assert.False(PostedQuestionnaireCard.IsFor(json, taskId, version));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"type\":\"AdaptiveCard\",\"body\":[]}")]
    [InlineData("{\"actions\":[{\"verb\":\"refreshTask\",\"data\":{\"taskId\":\"T-0042\",\"version\":\"7\"}}]}")]
    public void IsFor_NotAQuestionnaireCard_False(string json) =>
        Assert.False(PostedQuestionnaireCard.IsFor(json, "T-0042", 7));

    [Fact]
    public void IsFor_VersionAsANumber_True() =>
        Assert.True(PostedQuestionnaireCard.IsFor("{\"actions\":[{\"verb\":\"submitAnswer\",\"data\":{\"taskId\":\"T-0042\",\"version\":7}}]}", "T-0042", 7));
}
