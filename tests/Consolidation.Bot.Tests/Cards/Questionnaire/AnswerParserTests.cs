using System.Text.Json;
using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Routing;
using F = Consolidation.Bot.Cards.Questionnaire.QuestionnaireFields;

namespace Consolidation.Bot.Tests.Cards.Questionnaire;

public class AnswerParserTests
{
    private static Dictionary<string, string?> ValidPreWg() => new()
    {
        [F.Routine] = "true", [F.HighLevelNegotiation] = "false", [F.PaperOrVisit] = "true", [F.BusinessesServed] = "false",
        [F.MigrationEffect] = "Changes", [F.AnnualCases] = "1200", [F.StaffHours] = "350.5", [F.Decision] = "Keep",
    };

    private static ParsedAnswer Parse(Stage stage, Dictionary<string, string?> values) => AnswerParser.Parse(stage, values.GetValueOrDefault);

    [Fact]
    public void Parse_ValidPreWg_ReturnsAnswer()
    {
        var parsed = Parse(Stage.PreWg, ValidPreWg());

        Assert.Empty(parsed.Errors);
        var answer = Assert.IsType<PreWgAnswer>(parsed.Answer);
        Assert.Equal(new PreWgAnswer
        {
            Routine = true, PaperOrVisit = true, MigrationEffect = MigrationEffect.Changes, AnnualCases = 1200, StaffHours = 350.5m,
            Decision = PreWgDecision.Keep,
        }, answer);
    }

    [Fact]
    public void Parse_ValidWg_ReturnsAnswer()
    {
        var parsed = Parse(Stage.Wg, new()
        {
            [F.Decision] = "StudyTarget", [F.Destination] = "HubWard", [F.Partial] = "true", [F.AlreadyConsolidated] = "false", [F.Issues] = "改修",
        });

        Assert.Equal(
            new WgAnswer { Decision = WgDecision.StudyTarget, Destination = Destination.HubWard, Partial = true, Issues = "改修" },
            Assert.IsType<WgAnswer>(parsed.Answer));
    }

    [Fact]
    public void Parse_ValidSuitabilityWithDate_ReturnsAnswer()
    {
        var parsed = Parse(Stage.Suitability, new() { [F.Decision] = "ContinueLater", [F.Trigger] = "Date", [F.RevisitDate] = "2027-04-01" });

        Assert.Equal(
            new SuitabilityAnswer { Decision = SuitabilityDecision.ContinueLater, Trigger = RevisitTrigger.Date, RevisitDate = new DateOnly(2027, 4, 1) },
            Assert.IsType<SuitabilityAnswer>(parsed.Answer));
    }

    [Fact]
    public void Parse_SuitabilityDoneWithTrigger_DropsTriggerAndDate()
    {
        var parsed = Parse(Stage.Suitability, new() { [F.Decision] = "Done", [F.Trigger] = "Date", [F.RevisitDate] = "2027-04-01" });

        var answer = Assert.IsType<SuitabilityAnswer>(parsed.Answer);
        Assert.Null(answer.Trigger);
        Assert.Null(answer.RevisitDate);
    }

    [Fact]
    public void Parse_ExcludeWithoutReason_ReasonRequired()
    {
        var values = ValidPreWg();
        values[F.Decision] = "Exclude";
        values[F.Reason] = "  ";

        var parsed = Parse(Stage.PreWg, values);

        Assert.Null(parsed.Answer);
        Assert.Equal(new Dictionary<string, string> { [F.Reason] = AnswerErrors.ReasonRequired }, parsed.Errors);
    }

    [Fact]
    public void Parse_ContinueLaterWithoutTrigger_TriggerRequired()
    {
        var parsed = Parse(Stage.Suitability, new() { [F.Decision] = "ContinueLater" });

        Assert.Null(parsed.Answer);
        Assert.Equal(AnswerErrors.TriggerRequired, parsed.Errors[F.Trigger]);
    }

    [Fact]
    public void Parse_DateTriggerWithoutDate_DateRequired()
    {
        var parsed = Parse(Stage.Suitability, new() { [F.Decision] = "ContinueLater", [F.Trigger] = "Date" });

        Assert.Equal(new Dictionary<string, string> { [F.RevisitDate] = AnswerErrors.DateRequired }, parsed.Errors);
    }

    [Fact]
    public void Parse_BadDate_InvalidDate()
    {
        var parsed = Parse(Stage.Suitability, new() { [F.Decision] = "ContinueLater", [F.Trigger] = "Date", [F.RevisitDate] = "来年4月" });

        Assert.Equal(QuestionnaireErrors.InvalidDate, parsed.Errors[F.RevisitDate]);
    }

    [Fact]
    public void Parse_StudyTargetWithoutDestination_Accepted_TheDestinationIsNoGate()
    {
        // The policy names no list of destinations (DOMAIN.md, basic item 6): the destination is free text, optional.
        var parsed = Parse(Stage.Wg, new() { [F.Decision] = "StudyTarget" });

        Assert.Empty(parsed.Errors);
        Assert.Null(((WgAnswer)parsed.Answer!).Destination);
    }

    [Fact]
    public void Parse_DestinationInTheRespondentsWords_Stored()
    {
        var parsed = Parse(Stage.Wg, new() { [F.Decision] = "StudyTarget", [F.DestinationNote] = "市民局の事務センターで一括処理" });

        Assert.Equal("市民局の事務センターで一括処理", ((WgAnswer)parsed.Answer!).DestinationNote);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Parse_LessEfficientAtWard_OptionalYesNo(string? value, bool? expected)
    {
        var values = new Dictionary<string, string?>
        {
            [F.Routine] = "true", [F.HighLevelNegotiation] = "false", [F.PaperOrVisit] = "false", [F.BusinessesServed] = "true",
            [F.MigrationEffect] = "Changes", [F.Decision] = "Keep",
        };
        if (value is not null)
        {
            values[F.LessEfficientAtWard] = value;
        }

        var parsed = Parse(Stage.PreWg, values);

        Assert.Empty(parsed.Errors);
        Assert.Equal(expected, ((PreWgAnswer)parsed.Answer!).LessEfficientAtWard);
    }

    [Fact]
    public void Parse_StaffingAndBudgetAtSuitability_Stored()
    {
        var parsed = Parse(Stage.Suitability, new() { [F.Decision] = "Done", [F.StaffingBudget] = "事務センターに2名、委託費300万円" });

        Assert.Empty(parsed.Errors);
        Assert.Equal("事務センターに2名、委託費300万円", ((SuitabilityAnswer)parsed.Answer!).StaffingBudget);
    }

    [Theory]
    [InlineData("１，２００", 1200)]
    [InlineData("1,200", 1200)]
    [InlineData(" 1 200 ", 1200)]
    [InlineData("0", 0)]
    public void Parse_AnnualCasesAsPeopleType_ParsesNumber(string typed, int expected)
    {
        var values = ValidPreWg();
        values[F.AnnualCases] = typed;

        Assert.Equal(expected, Assert.IsType<PreWgAnswer>(Parse(Stage.PreWg, values).Answer).AnnualCases);
    }

    [Fact]
    public void Parse_FullWidthDecimalHours_ParsesNumber()
    {
        var values = ValidPreWg();
        values[F.StaffHours] = "１，２００．５";

        Assert.Equal(1200.5m, Assert.IsType<PreWgAnswer>(Parse(Stage.PreWg, values).Answer).StaffHours);
    }

    [Theory]
    [InlineData(F.AnnualCases, "abc", AnswerErrors.NotANumber)]
    [InlineData(F.AnnualCases, "12.5", AnswerErrors.NotANumber)]
    [InlineData(F.StaffHours, "たくさん", AnswerErrors.NotANumber)]
    [InlineData(F.AnnualCases, "-1", AnswerErrors.OutOfRange)]
    [InlineData(F.AnnualCases, "99999999999", AnswerErrors.OutOfRange)]
    [InlineData(F.StaffHours, "1000001", AnswerErrors.OutOfRange)]
    public void Parse_BadNumber_ReportsError(string field, string typed, string expected)
    {
        var values = ValidPreWg();
        values[field] = typed;

        var parsed = Parse(Stage.PreWg, values);

        Assert.Null(parsed.Answer);
        Assert.Equal(new Dictionary<string, string> { [field] = expected }, parsed.Errors);
        Assert.Equal(typed, parsed.Values[field]);
    }

    [Theory]
    [InlineData(F.Decision, "Maybe")]
    [InlineData(F.Decision, "1")]
    [InlineData(F.MigrationEffect, "Sometimes")]
    [InlineData(F.Routine, "yes please")]
    public void Parse_UnknownChoice_OutOfRange(string field, string typed)
    {
        var values = ValidPreWg();
        values[field] = typed;

        Assert.Equal(AnswerErrors.OutOfRange, Parse(Stage.PreWg, values).Errors[field]);
    }

    [Fact]
    public void Parse_EnumNameInAnyCase_Accepted()
    {
        var values = ValidPreWg();
        values[F.Decision] = "keep";

        Assert.Equal(PreWgDecision.Keep, Assert.IsType<PreWgAnswer>(Parse(Stage.PreWg, values).Answer).Decision);
    }

    [Fact]
    public void Parse_NothingAnswered_EveryRequiredFieldReported()
    {
        var parsed = Parse(Stage.PreWg, new Dictionary<string, string?>());

        Assert.Equal(
            new[] { F.BusinessesServed, F.Decision, F.HighLevelNegotiation, F.MigrationEffect, F.PaperOrVisit, F.Routine },
            parsed.Errors.Keys.Order());
        Assert.All(parsed.Errors.Values, key => Assert.Equal(QuestionnaireErrors.Required, key));
    }

    [Theory]
    [InlineData(Stage.PreWg, F.Reason, PreWgAnswer.MaxReasonLength)]
    [InlineData(Stage.Wg, F.Issues, WgAnswer.MaxIssuesLength)]
    [InlineData(Stage.Suitability, F.Reason, SuitabilityAnswer.MaxReasonLength)]
    public void Parse_OverLongText_TooLong(Stage stage, string field, int max)
    {
        var values = stage switch
        {
            Stage.PreWg => ValidPreWg(),
            Stage.Wg => new Dictionary<string, string?> { [F.Decision] = "NotTarget" },
            _ => new Dictionary<string, string?> { [F.Decision] = "Closed" },
        };
        values[field] = new string('あ', max + 1);

        Assert.Equal(new Dictionary<string, string> { [field] = AnswerErrors.TooLong }, Parse(stage, values).Errors);
    }

    [Fact]
    public void Parse_FromSubmitMessageData_ReadsViaInvocationGet()
    {
        // Action.Submit sends the action data and the inputs in one object; booleans may arrive as JSON true/false.
        var data = JsonDocument.Parse("""
            {"verb":"submitAnswer","taskId":"T-1","version":"3","stage":"Wg","decision":"NotTarget","issues":"来庁必須","partial":true}
            """).RootElement;
        var invocation = new CardActionInvocation("submitAnswer", data, IsExecute: false);

        var parsed = AnswerParser.Parse(Stage.Wg, invocation.Get);

        Assert.Equal(new WgAnswer { Decision = WgDecision.NotTarget, Issues = "来庁必須", Partial = true }, Assert.IsType<WgAnswer>(parsed.Answer));
    }

    public static TheoryData<Stage> Screening() => [Stage.PreWg, Stage.Wg, Stage.Suitability];

    [Theory]
    [MemberData(nameof(Screening))]
    public void Parse_ValuesRebuildTheSameInputs_RoundTrip(Stage stage)
    {
        Dictionary<string, string?> typed = stage switch
        {
            Stage.PreWg => new(ValidPreWg()) { [F.Decision] = "Exclude", [F.Reason] = "窓口での判断が必要" },
            Stage.Wg => new() { [F.Decision] = "StudyTarget", [F.Destination] = "System", [F.Partial] = "true", [F.AlreadyConsolidated] = "false", [F.Issues] = "課題" },
            _ => new() { [F.Decision] = "ContinueLater", [F.Trigger] = "Date", [F.RevisitDate] = "2027-04-01", [F.Reason] = "様子見" },
        };
        var first = Parse(stage, typed);
        Assert.NotNull(first.Answer);

        var card = CardJson.Parse(QuestionnaireCard.Build(CardJson.Model(stage) with { Values = first.Values }));
        var inputs = CardJson.Inputs(card);
        var again = AnswerParser.Parse(stage, id => inputs.TryGetValue(id, out var input) ? input["value"]?.ToString() : null);

        Assert.Equal(first.Answer, again.Answer);
        Assert.Equal(first.Values.Where(v => v.Value is not null).Select(v => v.Key).Order(), again.Values.Where(v => v.Value is not null).Select(v => v.Key).Order());
    }
}
