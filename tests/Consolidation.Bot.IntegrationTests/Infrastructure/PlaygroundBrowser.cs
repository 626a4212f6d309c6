using Microsoft.Playwright;

namespace Consolidation.Bot.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's headless Chromium (never a downloaded browser) driven by Playwright on the Playground's web UI.
/// Screenshots go to artifacts/screenshots/.
/// </summary>
public sealed class PlaygroundBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private PlaygroundBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
        : throw new InvalidOperationException("chromium is not installed: run ./scripts/test (it installs Debian's chromium).");

    public static Task<PlaygroundBrowser> OpenAsync(int playgroundPort) => OpenUrlAsync($"http://127.0.0.1:{playgroundPort}/");

    /// <summary>Any page (e.g. the bot's tab) in the same headless Chromium, Japanese locale.</summary>
    public static async Task<PlaygroundBrowser> OpenUrlAsync(string url)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 }, Locale = "ja-JP" });
        await page.GotoAsync(url);
        return new PlaygroundBrowser(playwright, browser, page);
    }

    /// <summary>Types a message into the Playground's Lexical editor and sends it.</summary>
    public async Task SendAsync(string text)
    {
        var input = Page.Locator("[data-lexical-editor=\"true\"][role=\"textbox\"]").First;
        await input.ClickAsync();
        await Page.Keyboard.TypeAsync(text);
        await Page.Keyboard.PressAsync("Enter");
    }

    /// <summary>The last rendered Adaptive Card containing <paramref name="text"/>.</summary>
    public ILocator CardWith(string text) => Page.Locator(".ac-adaptiveCard").Filter(new LocatorFilterOptions { HasText = text }).Last;

    public async Task<string> ScreenshotAsync(string name)
    {
        var dir = Directory.CreateDirectory(Path.Combine(RepoPaths.Artifacts, "screenshots")).FullName;
        var path = Path.Combine(dir, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
