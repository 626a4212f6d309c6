using Consolidation.Bot.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Consolidation.Bot.IntegrationTests.Browser;

/// <summary>The Playground's web UI in headless Chromium: what a person sees, with the real Adaptive Cards renderer.</summary>
[Collection(PlaygroundCollection.Name)]
public class FoundationBrowserTests(PlaygroundFixture fixture)
{
    [Fact]
    public async Task OpenPlayground_WelcomeCardRendersInJapanese_HelpButtonShowsHelpCard()
    {
        await using var browser = await PlaygroundBrowser.OpenAsync(fixture.PlaygroundPort);
        var welcome = browser.CardWith("区役所業務集約化ボットへようこそ");
        await welcome.WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        await browser.ScreenshotAsync("foundation-01-welcome");

        await welcome.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "使い方を見る" }).ClickAsync();

        var help = browser.CardWith("推進会議チャンネルに登録");
        await help.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        Assert.Contains("使い方", await help.InnerTextAsync(), StringComparison.Ordinal);
        await browser.ScreenshotAsync("foundation-02-help-after-execute");
    }

    [Fact]
    public async Task TypeHelpInJapanese_HelpCardRenders()
    {
        await using var browser = await PlaygroundBrowser.OpenAsync(fixture.PlaygroundPort);
        await browser.CardWith("ようこそ").WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });

        await browser.SendAsync("ヘルプ");

        var help = browser.CardWith("このコマンド一覧を表示します");
        await help.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        await browser.ScreenshotAsync("foundation-03-help-typed");
    }
}
