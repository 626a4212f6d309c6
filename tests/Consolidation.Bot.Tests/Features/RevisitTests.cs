using System.Globalization;
using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Status;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review;
using Consolidation.Bot.Tests.Cards;
using Consolidation.Bot.Tests.Cards.Questionnaire;

namespace Consolidation.Bot.Tests.Features;

/// <summary>Taking "continue later" up again (issue 18): the seed's triggers, and a revisit date that has come puts the task on the list.</summary>
public class RevisitTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 9, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    [Fact]
    public void Triggers_AreTheSeedsWithOtherChangeOfCircumstances_AndOurDate()
    {
        var names = Enum.GetValues<RevisitTrigger>().Select(t => t.Name(japanese: true)).ToList();

        Assert.Equal(["システム標準化のBPR", "制度変更", "DX全体の進展", "日付", "その他の状況変化"], names);
        var card = Consolidation.Bot.Cards.Model.CardJsonContext.ToJson(QuestionnaireCard.Build(CardJson.Model(Stage.Suitability)));
        Assert.Contains("その他の状況変化", card, StringComparison.Ordinal);
    }

    [Fact]
    public void RevisitDue_DatesOnOrBeforeToday_AreDue_LaterOnesAreNot()
    {
        var snapshot = DigestCardTests.SeedFunnelReview(Now);
        var dated = snapshot.Tasks.Where(t => t.State.Suitability?.Answer is SuitabilityAnswer { Trigger: RevisitTrigger.Date }).ToList();
        Assert.NotEmpty(dated);

        var due = ReviewQueries.RevisitDue(snapshot.Tasks, new DateOnly(2026, 12, 9));

        Assert.Equal(
            dated.Where(t => ((SuitabilityAnswer)t.State.Suitability!.Answer).RevisitDate <= new DateOnly(2026, 12, 9)).Select(t => t.Id).Order(),
            due.Select(t => t.Id).Order());
        Assert.DoesNotContain(due, t => ((SuitabilityAnswer)t.State.Suitability!.Answer).RevisitDate > new DateOnly(2026, 12, 9));
    }

    [Fact]
    public void RevisitAnswer_DueTasksCountedAndListedFirst()
    {
        var snapshot = DigestCardTests.SeedFunnelReview(Now);
        var due = ReviewQueries.RevisitDue(snapshot.Tasks, new DateOnly(2026, 12, 9));

        var model = new StatusAnswers(snapshot, Now, Tokyo, new BotText(CultureInfo.GetCultureInfo("ja-JP"))).Revisit(null);

        Assert.Equal($"{due.Count}件", model.Figures.Single(f => f.Title == "再検討の期日が来た事務").Value);
        Assert.All(model.List.Take(due.Count), line => Assert.Contains("再検討の期日が来ました", line, StringComparison.Ordinal));
        Assert.Equal(233, model.List.Count); // every continue-later task once
    }
}
