using System.Text.Json.Nodes;
using Consolidation.Bot.Cards.Digest;
using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Cards.Reminders;
using Consolidation.Bot.Demo;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review;
using Consolidation.Bot.Scheduling;

namespace Consolidation.Bot.IntegrationTests.Cards;

/// <summary>
/// The digest, reminder and escalation cards through the official Adaptive Cards library. The only thing it may say is
/// that it does not know Teams' chart elements, and then it must find their fallback.
/// </summary>
public class ScheduleCardCheckerTests
{
    private const int MaxCardBytes = 28 * 1024;
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    private static ReviewSnapshot SeedFunnel() => SeedFunnelReview.Snapshot(Now, name: "令和8年度");

    private static IEnumerable<(string, AdaptiveCard)> Cards()
    {
        var snapshot = SeedFunnel();
        var items = Enumerable.Range(1, 14).Select(i => new ReminderItem($"J-{i:D4}", $"事務{i}", Stage.PreWg, Subcommittee.WelfareHealth, Now.AddDays(i - 3), i < 3, "a@city.example.jp")).ToList();
        foreach (var culture in new[] { BotCultures.Japanese, BotCultures.English })
        {
            var text = new BotText(culture);
            var figures = DigestComposer.Figures(snapshot, Now);
            yield return ($"digest/{culture.Name}", DigestCard.Build(DigestComposer.Compose(snapshot, Now, Tokyo, figures with { Answered = figures.Answered - 5, At = Now.AddDays(-7) }, text)));
            yield return ($"digest-first/{culture.Name}", DigestCard.Build(DigestComposer.Compose(snapshot, Now, Tokyo, null, text)));
            yield return ($"reminder/{culture.Name}", ReminderCard.Build(new ReminderCardModel("佐藤 健一", items, Tokyo, text)));
            yield return ($"escalation/{culture.Name}", EscalationCard.Build(new EscalationCardModel("佐藤 健一", Subcommittee.WelfareHealth,
                items.Select(i => (i, "鈴木 美咲")).ToList(), Tokyo, text)));
        }
    }

    [Fact]
    public async Task ScheduleCards_OfficialLibrary_OnlyChartsUnknownAndEachHasAFallback()
    {
        var cards = Cards().ToList();
        var results = await AdaptiveCardChecker.CheckAsync(cards);

        Assert.Equal(cards.Count, results.Count);
        foreach (var result in results)
        {
            var problems = result.Problems.Where(p => !(p.StartsWith("Unknown element type \"Chart.", StringComparison.Ordinal) && p.EndsWith("Fallback will be used if present.", StringComparison.Ordinal)));
            Assert.True(!problems.Any(), $"{result.Name}: {string.Join("; ", problems)}");
            Assert.True(result.Bytes < MaxCardBytes, $"{result.Name} is {result.Bytes} bytes");
        }

        foreach (var (name, card) in cards)
        {
            var charts = JsonNode.Parse(CardJsonContext.ToJson(card))!["body"]!.AsArray().Where(e => ((string)e!["type"]!).StartsWith("Chart.", StringComparison.Ordinal)).ToList();
            Assert.All(charts, c => Assert.Equal("TextBlock", (string)c!["fallback"]!["type"]!));
            Assert.Equal(name.StartsWith("digest", StringComparison.Ordinal) ? 2 : 0, charts.Count);
        }
    }
}
