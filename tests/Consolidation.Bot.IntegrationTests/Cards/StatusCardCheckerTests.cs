using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Cards.Status;
using Consolidation.Bot.Demo;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Status;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review;

namespace Consolidation.Bot.IntegrationTests.Cards;

/// <summary>Every kind of status answer (with "show more"), in both languages, passes the official Adaptive Cards library.</summary>
public class StatusCardCheckerTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly DateTimeOffset Now = new(2026, 12, 9, 1, 0, 0, TimeSpan.Zero);

    private static IEnumerable<(string, AdaptiveCard)> Cards()
    {
        var data = DemoReview.Create();
        var tasks = data.Tasks.Select(t => new ReviewTask(t, new TaskState { TaskId = t.Id, Stage = Stage.PreWg, Version = 2 })).ToList();
        var windows = Subcommittees.All.Select(s => new StageWindow { Stage = Stage.PreWg, Subcommittee = s, OpenedAt = Now.AddDays(-10), Deadline = Now.AddDays(-1) }).ToList();
        var snapshot = new ReviewSnapshot("demo", "r", 1, tasks, data.Members, windows);
        foreach (var culture in new[] { BotCultures.Japanese, BotCultures.English })
        {
            var a = new StatusAnswers(snapshot, Now, Tokyo, new BotText(culture));
            yield return ($"overall/{culture.Name}", StatusCard.Build(a.Overall(null)));
            yield return ($"subcommittee/{culture.Name}", StatusCard.Build(a.Subcommittee(Subcommittee.WelfareHealth, null, null)));
            yield return ($"stage/{culture.Name}", StatusCard.Build(a.Stage(Stage.PreWg, null)));
            yield return ($"overdue/{culture.Name}", StatusCard.Build(a.Overdue(null, null, null)));
            yield return ($"not-answered/{culture.Name}", StatusCard.Build(a.NotAnswered(null, null, null)));
            yield return ($"revisit/{culture.Name}", StatusCard.Build(a.Revisit(null)));
            yield return ($"task/{culture.Name}", StatusCard.Build(a.Task(tasks[0].Id, [])!));
            yield return ($"matches/{culture.Name}", StatusCard.Build(a.Matches("住民", tasks.Take(12).ToList())));
        }
    }

    [Fact]
    public async Task StatusCards_OfficialLibrary_ReportsNoIssue()
    {
        var cards = Cards().ToList();
        var results = await AdaptiveCardChecker.CheckAsync(cards);

        Assert.Equal(cards.Count, results.Count);
        Assert.All(results, r => Assert.True(!r.Problems.Any() && r.Bytes < 28 * 1024, $"{r.Name} ({r.Bytes} bytes): {string.Join("; ", r.Problems)}"));
        Assert.Contains(cards, c => c.Item2.Actions?.OfType<ShowCardAction>().Any() == true);
    }
}
