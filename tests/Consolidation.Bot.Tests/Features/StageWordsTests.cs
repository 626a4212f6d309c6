using System.Globalization;
using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Status;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Tests.Cards;

namespace Consolidation.Bot.Tests.Features;

/// <summary>A decided task is shown as 判断済 with its outcome in the policy's words, never as 検討終了 for all of them.</summary>
public class StageWordsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 9, 1, 0, 0, TimeSpan.Zero);
    private static readonly BotText Ja = new(CultureInfo.GetCultureInfo("ja-JP"));
    private static readonly BotText En = new(CultureInfo.GetCultureInfo("en-US"));

    [Theory]
    [InlineData(SuitabilityDecision.Done, "判断済（集約化等実施済）", "Decided (Done)")]
    [InlineData(SuitabilityDecision.ContinueLater, "判断済（引き続き検討予定）", "Decided (Continue later)")]
    [InlineData(SuitabilityDecision.Closed, "判断済（検討終了）", "Decided (Closed)")]
    public void SeedFunnelTask_DecidedAtSuitability_ShownWithItsOutcome(SuitabilityDecision decision, string japanese, string english)
    {
        var snapshot = DigestCardTests.SeedFunnelReview(Now);
        var task = snapshot.Tasks.First(t => t.State.Suitability?.Answer is SuitabilityAnswer a && a.Decision == decision);

        Assert.Equal(japanese, CardText.StageWithOutcome(task, Ja));
        Assert.Equal(english, CardText.StageWithOutcome(task, En));
        var card = new StatusAnswers(snapshot, Now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"), Ja).Task(task.Id, [])!;
        Assert.Equal(japanese, card.Figures.Single(f => f.Title == "段階").Value);
    }

    [Fact]
    public void SeedFunnelTask_ExcludedAtPreWg_ShownWithTheStageThatDecidedIt()
    {
        var task = DigestCardTests.SeedFunnelReview(Now).Tasks.First(t => t.Stage == Stage.Closed && t.State.Wg is null);

        Assert.Equal("判断済（プレWG: 除外）", CardText.StageWithOutcome(task, Ja));
    }

    [Fact]
    public void OpenTask_ShownWithItsStageOnly()
    {
        var definition = new TaskDefinition { Id = "J-0001", Name = "事務", Bureau = "市民局", Subcommittee = Subcommittee.WelfareHealth, Assignee = "a@city.example.jp" };
        var task = new ReviewTask(definition, TaskState.New(definition.Id));

        Assert.Equal("事務の棚卸し", CardText.StageWithOutcome(task, Ja));
    }
}
