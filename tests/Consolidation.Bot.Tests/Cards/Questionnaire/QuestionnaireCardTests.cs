using System.Text.Json.Nodes;
using Consolidation.Bot.Cards;
using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;
using F = Consolidation.Bot.Cards.Questionnaire.QuestionnaireFields;

namespace Consolidation.Bot.Tests.Cards.Questionnaire;

public class QuestionnaireCardTests
{
    public static TheoryData<Stage, string> StagesAndCultures() => new()
    {
        { Stage.PreWg, "ja-JP" }, { Stage.PreWg, "en-US" },
        { Stage.Wg, "ja-JP" }, { Stage.Wg, "en-US" },
        { Stage.Suitability, "ja-JP" }, { Stage.Suitability, "en-US" },
    };

    private static readonly Dictionary<Stage, string[]> RequiredInputs = new()
    {
        [Stage.PreWg] = [F.Routine, F.HighLevelNegotiation, F.PaperOrVisit, F.BusinessesServed, F.MigrationEffect, F.Decision],
        [Stage.Wg] = [F.Decision],
        [Stage.Suitability] = [F.Decision],
    };

    [Theory]
    [MemberData(nameof(StagesAndCultures))]
    public void Build_AnyStage_HasEveryInputTheParserReadsWithLabels(Stage stage, string culture)
    {
        var inputs = CardJson.Inputs(CardJson.Parse(QuestionnaireCard.Build(CardJson.Model(stage, culture))));

        Assert.Equal(F.InputsOf(stage).Order(), inputs.Keys.Order());
        foreach (var (id, input) in inputs)
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)input["label"] ?? (string?)input["title"]), id);
            Assert.Equal(RequiredInputs[stage].Contains(id), (bool?)input["isRequired"] == true);
            if ((bool?)input["isRequired"] == true)
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)input["errorMessage"]), id);
            }
        }
    }

    [Theory]
    [MemberData(nameof(StagesAndCultures))]
    public void Build_AnyStage_SubmitsWithTaskVersionAndStageAndRefreshesForAssignee(Stage stage, string culture)
    {
        var card = CardJson.Parse(QuestionnaireCard.Build(CardJson.Model(stage, culture)));

        var submit = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal("Action.Execute", (string?)submit["type"]);
        Assert.Equal(CardVerbs.SubmitAnswer, (string?)submit["verb"]);
        Assert.Equal(CardVerbs.SubmitAnswer, (string?)submit["data"]!["verb"]);
        Assert.Equal("T-0042", (string?)submit["data"]![F.TaskId]);
        Assert.Equal("7", (string?)submit["data"]![F.Version]);
        Assert.Equal(stage.ToString(), (string?)submit["data"]![F.Stage]);

        var refresh = card["refresh"]!;
        Assert.Equal("Action.Execute", (string?)refresh["action"]!["type"]);
        Assert.Equal(CardVerbs.RefreshTask, (string?)refresh["action"]!["verb"]);
        Assert.Equal("T-0042", (string?)refresh["action"]!["data"]![F.TaskId]);
        Assert.Equal(["29:1member"], refresh["userIds"]!.AsArray().Select(u => (string)u!));
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Null(card["msteams"]);
        Assert.Null(card["lang"]);
    }

    [Fact]
    public void Build_NoAssigneeUserId_HasNoRefresh()
    {
        var card = CardJson.Parse(QuestionnaireCard.Build(CardJson.Model(Stage.PreWg) with { AssigneeUserId = null }));

        Assert.Null(card["refresh"]);
    }

    [Theory]
    [InlineData("ja-JP", "2026年12月20日(日) 23:59", "3件目／全40件", "人事・財政部会", "封入封緘作業")]
    [InlineData("en-US", "Sun 20 Dec 2026 23:59", "3 of 40", "Personnel & Finance", "Enclosing and sealing mail")]
    public void Build_Header_ShowsTaskDeadlineInTokyoAndProgress(string culture, string deadline, string progress, string subcommittee, string theme)
    {
        var visible = CardJson.VisibleText(CardJson.Parse(QuestionnaireCard.Build(CardJson.Model(Stage.Wg, culture))));

        Assert.Contains(deadline, visible, StringComparison.Ordinal);
        Assert.Contains(progress, visible, StringComparison.Ordinal);
        Assert.Contains(subcommittee, visible, StringComparison.Ordinal);
        Assert.Contains(theme, visible, StringComparison.Ordinal);
        Assert.Contains("T-0042", visible, StringComparison.Ordinal);
        Assert.Contains("市民局", visible, StringComparison.Ordinal);
        Assert.Contains("住民記録", visible, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PreWgFirstSend_PrefillsVolumeFromDefinitionWithMinZero()
    {
        var inputs = CardJson.Inputs(CardJson.Parse(QuestionnaireCard.Build(CardJson.Model(Stage.PreWg))));

        Assert.Equal(5000, (double?)inputs[F.AnnualCases]["value"]);
        Assert.Equal(120.5, (double?)inputs[F.StaffHours]["value"]);
        Assert.Equal(0, (double?)inputs[F.AnnualCases]["min"]);
        Assert.Equal(PreWgAnswer.MaxReasonLength, (int?)inputs[F.Reason]["maxLength"]);
        Assert.Equal(["true", "false"], inputs[F.Routine]["choices"]!.AsArray().Select(c => (string)c!["value"]!));
        Assert.Equal(Enum.GetNames<MigrationEffect>(), inputs[F.MigrationEffect]["choices"]!.AsArray().Select(c => (string)c!["value"]!));
    }

    [Theory]
    [InlineData("ja-JP", "理由を入力してください。", "数値で入力してください。 入力値：abc", "入力内容に3件の問題があります")]
    [InlineData("en-US", "Please give a reason.", "Please enter a number. You typed: abc", "Your answer has 3 problem(s)")]
    public void Build_WithErrorsAndValues_ShowsErrorsNextToFieldsAndKeepsTypedValues(string culture, string reasonError, string casesError, string summary)
    {
        var typed = new Dictionary<string, string?>
        {
            [F.Routine] = "true", [F.HighLevelNegotiation] = "false", [F.PaperOrVisit] = "true", [F.BusinessesServed] = "false",
            [F.MigrationEffect] = "Abolishes", [F.AnnualCases] = "abc", [F.StaffHours] = "１，２００", [F.Decision] = "Exclude",
            [F.Reason] = null,
        };
        var parsed = AnswerParser.Parse(Stage.PreWg, typed.GetValueOrDefault);
        parsed = parsed with { Errors = new Dictionary<string, string>(parsed.Errors) { [F.Routine] = QuestionnaireErrors.Required } };

        var card = CardJson.Parse(QuestionnaireCard.Build(CardJson.Model(Stage.PreWg, culture) with { Values = parsed.Values, Errors = parsed.Errors }));

        Assert.Contains(summary, CardJson.VisibleText(card), StringComparison.Ordinal);
        Assert.Equal("Attention", (string?)card["body"]!.AsArray().OfType<JsonObject>().Single(e => (string?)e["type"] == "Container")["style"]);
        Assert.Equal(reasonError, CardJson.ErrorAfter(card, F.Reason));
        Assert.Equal(casesError, CardJson.ErrorAfter(card, F.AnnualCases));
        Assert.Null(CardJson.ErrorAfter(card, F.StaffHours));
        var inputs = CardJson.Inputs(card);
        Assert.Equal("Exclude", (string?)inputs[F.Decision]["value"]);
        Assert.Equal("Abolishes", (string?)inputs[F.MigrationEffect]["value"]);
        Assert.Equal("true", (string?)inputs[F.Routine]["value"]);
        Assert.Equal(1200, (double?)inputs[F.StaffHours]["value"]);
        Assert.Null(inputs[F.AnnualCases]["value"]);
    }

    [Fact]
    public void Build_UnknownEnumKept_ShowsWhatWasTypedInTheErrorLine()
    {
        var typed = new Dictionary<string, string?> { [F.Decision] = "StudyTarget", [F.Destination] = "Moon" };
        var parsed = AnswerParser.Parse(Stage.Wg, typed.GetValueOrDefault);

        var card = CardJson.Parse(QuestionnaireCard.Build(CardJson.Model(Stage.Wg, "en-US") with { Values = parsed.Values, Errors = parsed.Errors }));

        Assert.Equal("This value is out of range or not one of the choices. You typed: Moon", CardJson.ErrorAfter(card, F.Destination));
        Assert.Null(CardJson.Inputs(card)[F.Destination]["value"]);
    }

    [Fact]
    public void Build_InventoryStage_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QuestionnaireCard.Build(CardJson.Model(Stage.Inventory)));
    }

    [Fact]
    public void Strings_EveryAnswerErrorKey_IsAResource()
    {
        var keys = typeof(AnswerErrors).GetFields().Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetValue(null)!)
            .Concat([QuestionnaireErrors.Required, QuestionnaireErrors.InvalidDate]);

        foreach (var key in keys)
        {
            Assert.False(string.IsNullOrWhiteSpace(new BotText(BotCultures.Japanese)[key]));
            Assert.False(string.IsNullOrWhiteSpace(new BotText(BotCultures.English)[key]));
        }
    }
}
