using Consolidation.Bot.Cards;
using Consolidation.Bot.Cards.Model;
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
        }
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
