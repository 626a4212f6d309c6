using Consolidation.Bot.Cards;
using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.IntegrationTests.Cards;

/// <summary>Every card the bot builds, in both languages, passes the official Adaptive Cards library and stays under 28 KB.</summary>
public class AdaptiveCardCheckerTests
{
    private const int MaxCardBytes = 28 * 1024;

    private static IEnumerable<(string, AdaptiveCard)> AllCards()
    {
        foreach (var culture in new[] { BotCultures.Japanese, BotCultures.English })
        {
            var text = new BotText(culture);
            yield return ($"welcome/{culture.Name}", WelcomeCard.Build(text));
            yield return ($"help/{culture.Name}", HelpCard.Build(text));
            foreach (var card in TaskCards(text))
            {
                yield return ($"{card.Name}/{culture.Name}", card.Card);
            }
        }
    }

    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private static readonly TaskSummary Task = new("T-0042", "公用請求取扱事務（住民票・戸籍）の受付と発送", "市民局", Subcommittee.LivingSafety);

    /// <summary>Submissions that fail in every way the parser knows, per stage, to build the error-state cards.</summary>
    private static readonly Dictionary<Stage, Dictionary<string, string?>> BadSubmissions = new()
    {
        [Stage.PreWg] = new()
        {
            [QuestionnaireFields.Routine] = "maybe", [QuestionnaireFields.AnnualCases] = "abc", [QuestionnaireFields.StaffHours] = "-3",
            [QuestionnaireFields.Decision] = "Exclude", [QuestionnaireFields.Reason] = null,
        },
        [Stage.Wg] = new() { [QuestionnaireFields.Decision] = "NotTarget", [QuestionnaireFields.Destination] = "Moon", [QuestionnaireFields.Issues] = new string('x', 1001) },
        [Stage.Suitability] = new() { [QuestionnaireFields.Decision] = "ContinueLater", [QuestionnaireFields.Trigger] = "Date", [QuestionnaireFields.RevisitDate] = "soon" },
    };

    private static IEnumerable<(string Name, AdaptiveCard Card)> TaskCards(BotText text)
    {
        var deadline = new DateTimeOffset(2026, 12, 20, 14, 59, 0, TimeSpan.Zero);
        var answers = new StageAnswer[]
        {
            new PreWgAnswer { Routine = true, MigrationEffect = MigrationEffect.Changes, AnnualCases = 1200, StaffHours = 350.5m, Decision = PreWgDecision.Exclude, Reason = "高度な判断を要する" },
            new WgAnswer { Decision = WgDecision.StudyTarget, Destination = Destination.HubWard, Partial = true, Issues = "システム改修が必要" },
            new SuitabilityAnswer { Decision = SuitabilityDecision.ContinueLater, Trigger = RevisitTrigger.Date, RevisitDate = new DateOnly(2027, 4, 1) },
        };
        foreach (var (stage, index) in Stages.Screening.Select((s, i) => (s, i)))
        {
            var model = new QuestionnaireCardModel
            {
                TaskId = Task.TaskId, TaskName = Task.TaskName, Bureau = Task.Bureau, Subcommittee = Task.Subcommittee, Stage = stage,
                Deadline = deadline, TimeZone = Tokyo, Position = 3, Total = 40, CardVersion = 7, AssigneeUserId = "29:1abc",
                Theme = PrecedingTheme.OfficialRequests, StandardBusiness = "住民記録", AnnualCases = 1200, StaffHours = 350m, Text = text,
            };
            yield return ($"questionnaire/{stage}", QuestionnaireCard.Build(model));

            var bad = BadSubmissions[stage];
            var parsed = AnswerParser.Parse(stage, key => bad.GetValueOrDefault(key));
            Assert.NotEmpty(parsed.Errors);
            yield return ($"questionnaire-errors/{stage}", QuestionnaireCard.Build(model with { Values = parsed.Values, Errors = parsed.Errors, AssigneeUserId = null }));

            var outcome = new StageOutcome { Answer = answers[index], AnsweredBy = "a@city.example", AnsweredAt = deadline.AddHours(2), Late = true };
            yield return ($"answered/{stage}", AnsweredCard.Build(new AnsweredCardModel
            {
                Task = Task, Outcome = outcome, AnsweredByName = "山田 花子", TimeZone = Tokyo, AssigneeUserId = "29:1abc", Text = text,
            }));
            yield return ($"stale/{stage}", StaleCard.Build(new StaleCardModel
            {
                Task = Task, Reason = StaleReason.AlreadyAnswered, CurrentStage = answers[index].NextStage, LatestOutcome = outcome, TimeZone = Tokyo, Text = text,
            }));
            yield return ($"stage-closed/{stage}", StageClosedCard.Build(new StageClosedCardModel(Task, stage, text)));
        }

        yield return ("stale-changed", StaleCard.Build(new StaleCardModel
        {
            Task = Task, Reason = StaleReason.Changed, CurrentStage = Stage.PreWg, TimeZone = Tokyo, Text = text,
        }));
        yield return ("not-your-task", NotYourTaskCard.Build(new NotYourTaskCardModel(Task, text)));
        yield return ("my-tasks-empty", MyTasksCard.Build(new MyTasksCardModel([], Tokyo, text)));
        var many = Enumerable.Range(1, 40)
            .Select(i => new MyTaskRow($"T-{i:0000}", $"{Task.TaskName}（その{i}）", Stages.Screening[i % 3], deadline.AddDays(i), Overdue: i % 7 == 0))
            .ToList();
        yield return ("my-tasks-40", MyTasksCard.Build(new MyTasksCardModel(many, Tokyo, text)));

        // The プレWG batch card at its largest: ten rows with the longest names and reasons, errors on every row.
        var rows = Enumerable.Range(1, BatchCardFields.MaxRows)
            .Select(i => new BatchRow(Task with { TaskId = $"T-{i:0000}", TaskName = $"{Task.TaskName}（その{i}）" + new string('事', 60) }, 7)).ToList();
        var batch = new BatchCardModel { Rows = rows, Deadline = deadline, TimeZone = Tokyo, Answered = 20, Total = 133, ReviewId = "r-2026", Text = text };
        yield return ("batch", BatchCard.Build(batch));
        var values = Enumerable.Range(0, BatchCardFields.MaxRows).SelectMany(i => new[]
        {
            KeyValuePair.Create(BatchCardFields.Decision(i), (string?)"Exclude"), KeyValuePair.Create(BatchCardFields.Reason(i), (string?)new string('理', BatchCardFields.MaxReasonLength)),
        }).ToDictionary();
        var errors = Enumerable.Range(0, BatchCardFields.MaxRows).ToDictionary(BatchCardFields.Reason, _ => AnswerErrors.ReasonRequired);
        yield return ("batch-errors", BatchCard.Build(batch with { Values = values, Errors = errors }));
        var bureau = new BureauViewCardModel
        {
            Task = Task, AssigneeName = "山田 花子", WardHeadDecision = WgDecision.StudyTarget.Name(text.IsJapanese), Deadline = deadline, TimeZone = Tokyo, Round = 2,
            ReviewId = "r-2026", Text = text,
        };
        yield return ("bureau-view", BureauViewCard.Build(bureau));
        var (_, bureauErrors, bureauValues) = BureauViewCard.Parse(k => k == BureauViewCard.View ? "Issues" : null);
        yield return ("bureau-view-errors", BureauViewCard.Build(bureau with { Values = bureauValues, Errors = bureauErrors, WardHeadDecision = null }));
        yield return ("bureau-view-answered", AnsweredCard.Build(new AnsweredCardModel
        {
            Task = Task, Outcome = new StageOutcome { Answer = new BureauViewAnswer { View = BureauView.Partial, Comment = "窓口受付のみ" }, AnsweredBy = "b@city.example", AnsweredAt = deadline },
            AnsweredByName = "福祉局 担当", TimeZone = Tokyo, Text = text,
        }));
        yield return ("batch-result", BatchResultCard.Build(
            [.. Enum.GetValues<BatchRowResult>().Select(r => new BatchResultRow($"T-{(int)r:0000}", Task.TaskName, r, r == BatchRowResult.Stored ? PreWgDecision.Keep : null))], true, text));
    }

    [Fact]
    public async Task AllCards_OfficialLibrary_ReportsNoIssueAndSizeUnderLimit()
    {
        var results = await AdaptiveCardChecker.CheckAsync(AllCards());

        Assert.Equal(AllCards().Count(), results.Count);
        foreach (var result in results)
        {
            Assert.True(!result.Problems.Any(), $"{result.Name}: {string.Join("; ", result.Problems)}");
            Assert.True(result.Bytes < MaxCardBytes, $"{result.Name} is {result.Bytes} bytes");
        }
    }

    [Fact]
    public async Task Checker_CardWithUnnamedInput_IsReported()
    {
        var bad = new AdaptiveCard { Body = [new TextInput { Label = "no id" }] };

        var result = Assert.Single(await AdaptiveCardChecker.CheckAsync([("bad", bad)]));

        Assert.NotEmpty(result.Problems);
    }
}
