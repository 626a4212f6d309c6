using Consolidation.Bot.Cli;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Consolidation.Bot.IntegrationTests.Browser;

/// <summary>The pre-WG questionnaire as a person sees it in the Playground UI (the real Adaptive Cards renderer).</summary>
[Collection(PlaygroundCollection.Name)]
public class QuestionnaireBrowserTests(PlaygroundFixture fixture)
{
    /// <summary>The Playground's warnings for features it cannot show (LOCAL-TEAMS.md §2.11), except "User specific view" (refresh).</summary>
    private static readonly string[] UnsupportedWarnings =
        ["Full width control", "Task module", "Stage view", "Typeahead Search", "Just-in-time installation", "Carousel layout", "unknown attachment"];

    private const string MigrationChanges = "変更される";

    [Fact]
    public async Task PreWgCard_RendersInJapanese_FilledAndSubmittedByClicking_ShowsAnsweredCard()
    {
        using var output = new StringWriter();
        Assert.Equal(0, await CliApplication.RunAsync(["demo"], new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = fixture.StorageConnectionString,
            ["Storage:TablePrefix"] = fixture.TablePrefix,
        }, output, output));
        await fixture.Playground.InstallAsync(PlaygroundIds.TeamId);

        await using var browser = await PlaygroundBrowser.OpenAsync(fixture.PlaygroundPort);
        await browser.CardWith("ようこそ").WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        await browser.SendAsync("プレWG開始 福祉 12月20日");

        var card = browser.CardWith("定例・定型・簡易な事務ですか");
        await card.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await browser.ScreenshotAsync("questionnaire-01-prewg-card");

        var radios = card.Locator("input[type=radio]");
        Assert.True(await radios.CountAsync() >= 12, "five yes/no questions (item 3 asked in two halves) and the decision are radio groups");
        foreach (var index in new[] { 0, 3, 4, 7, 9, 10 })
        {
            await radios.Nth(index).CheckAsync(new LocatorCheckOptions { Force = true });
        }

        // The compact choice set is the renderer's own dropdown (a combobox), not a <select>.
        await card.GetByRole(AriaRole.Combobox).First.ClickAsync();
        await browser.Page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = MigrationChanges }).First.ClickAsync();
        await browser.ScreenshotAsync("questionnaire-02-filled");
        await card.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "回答する" }).ClickAsync();

        var answered = browser.CardWith("回答を受け付けました");
        await answered.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        Assert.Contains("山田 花子", await answered.InnerTextAsync(), StringComparison.Ordinal);
        await answered.ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync("questionnaire-03-answered");
        await browser.CardWith("2件目").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        var pageText = await browser.Page.InnerTextAsync("body");
        foreach (var warning in UnsupportedWarnings)
        {
            Assert.DoesNotContain(warning, pageText, StringComparison.OrdinalIgnoreCase);
        }
    }
}
