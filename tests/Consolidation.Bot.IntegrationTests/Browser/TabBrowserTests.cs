using Consolidation.Bot.Cli;
using Consolidation.Bot.Demo;
using Consolidation.Bot.Features;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.DependencyInjection;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Consolidation.Bot.IntegrationTests.Browser;

/// <summary>
/// The secretariat's tab in headless Chromium against the running bot (development mode: the Playground's current user,
/// the secretariat) on the seed-funnel demo: the figures are the seed's and the same as the chat's status answer, the
/// charts render with Japanese fonts (screenshots in artifacts/screenshots), and a task's record opens from the search.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public class TabBrowserTests(PlaygroundFixture fixture)
{
    [Fact]
    public async Task Dashboard_ShowsTheSeedFunnel_SameFiguresAsTheStatusAnswer()
    {
        await LoadSeedFunnelDemoAsync();
        await using var browser = await PlaygroundBrowser.OpenUrlAsync(fixture.Bot.BaseUrl + "/tab");
        var page = browser.Page;
        await page.Locator("table[data-table=funnel]").WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });

        async Task<int> Figure(string outcome) => int.Parse(await page.Locator($"table[data-table=funnel] td[data-outcome={outcome}]").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var figures = new[] { "Inventory", "Kept", "StudyTarget", "Done", "ContinueLater", "Closed" };
        var shown = new List<int>();
        foreach (var outcome in figures)
        {
            shown.Add(await Figure(outcome));
        }

        await browser.ScreenshotAsync("tab-01-dashboard-seed-funnel");
        Assert.Equal([812, 342, 276, 6, 233, 37], shown);
        Assert.Equal("ja", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("プレWGで検討対象候補として残す", await page.Locator("figure svg").First.InnerHTMLAsync(), StringComparison.Ordinal);

        // The chat's answer to the same question carries the same figures (one query layer).
        await fixture.Playground.InstallAsync(PlaygroundIds.PersonalChatId);
        var mark = fixture.Stream.Mark();
        await fixture.Playground.SendMessageAsync(PlaygroundIds.PersonalChatId, "全体の進捗は？");
        var frame = await fixture.Stream.WaitForAsync(f => (string?)f["actionConversationId"] == PlaygroundIds.PersonalChatId
            && Frames.CardText(f).Contains("全体の進捗", StringComparison.Ordinal), mark, TimeSpan.FromSeconds(20));
        var card = Frames.CardText(frame);
        Assert.Contains($"{shown[0]}件", card, StringComparison.Ordinal);
        Assert.Contains($"残す {shown[1]}件", card, StringComparison.Ordinal);
        Assert.Contains($"検討対象 {shown[2]}件", card, StringComparison.Ordinal);
        Assert.Contains($"集約化等実施済 {shown[3]}件／引き続き検討予定 {shown[4]}件／検討終了 {shown[5]}件", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_OpensTheTasksRecordWithItsHistory_ExportDownloads()
    {
        await LoadSeedFunnelDemoAsync();
        await using var browser = await PlaygroundBrowser.OpenUrlAsync(fixture.Bot.BaseUrl + "/tab");
        var page = browser.Page;
        await page.Locator("#search-q").WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });

        await page.Locator("#search-q").FillAsync("J-0001");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "検索" }).ClickAsync();
        await page.Locator("#search-results a[data-fragment]").First.ClickAsync();
        var record = page.Locator("article[data-task=J-0001]");
        await record.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        await browser.ScreenshotAsync("tab-02-task-record");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a[data-download]").ClickAsync());
        var saved = Path.Combine(Directory.CreateDirectory(Path.Combine(RepoPaths.Artifacts, "downloads")).FullName, download.SuggestedFilename);
        await download.SaveAsAsync(saved);

        Assert.True(await record.Locator("table[data-table=history] tbody tr").CountAsync() >= 1);
        Assert.Contains("プレWG", await record.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches(@"^集約化検討_\d{8}\.xlsx$", download.SuggestedFilename);
        Assert.True(new FileInfo(saved).Length > 10_000);
    }

    [Fact]
    public async Task Reassign_OnTheTab_TheNewAssigneeGetsTheCard_TheOldOneGetsTheirNextTask_UnreachableShown()
    {
        var mark = fixture.Stream.Mark();
        var reviewId = await LoadDemoAndOpenWelfarePreWgAsync(mark);
        var repository = fixture.Services.GetRequiredService<ReviewRepository>();
        var mine = QuestionnaireComposer.OpenTasksOf((await repository.LoadAsync(reviewId, CancellationToken.None))!, PlaygroundUsers.SecretariatEmail);
        var (first, second) = (mine[0].Id, mine[1].Id);
        await fixture.Stream.WaitForAsync(f => (string?)f["actionConversationId"] == PlaygroundIds.PersonalChatId
            && Frames.CardText(f).Contains(first, StringComparison.Ordinal), mark, TimeSpan.FromSeconds(20));

        await using var browser = await PlaygroundBrowser.OpenUrlAsync(fixture.Bot.BaseUrl + "/tab");
        var page = browser.Page;
        var unreachable = page.Locator("table[data-table=unreachable] tr[data-email='naoki.kobayashi@city.example.jp']");
        await unreachable.WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        Assert.Contains("Teams 管理センター", await unreachable.InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#search-q").FillAsync(first);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "検索" }).ClickAsync();
        await page.Locator("#search-results a[data-fragment]").First.ClickAsync();
        var form = page.Locator("form[data-action=reassign]");
        await form.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        await form.Locator("select[name=assignee]").SelectOptionAsync(PlaygroundUsers.ChildrenEducationLeadEmail);
        await form.Locator("input[name=reason]").FillAsync("担当区長の交代");
        await form.Locator("button[type=submit]").ClickAsync();
        var notice = page.Locator("[data-notice=done]");
        await notice.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        await browser.ScreenshotAsync("tab-03-reassigned");

        Assert.Contains("鈴木 美咲 さんに変更しました", await notice.InnerTextAsync(), StringComparison.Ordinal);
        // The old assignee (the Playground's user) is sent their next task; the new one (鈴木 美咲, who has no 福祉 task and so
        // no card in hand) is sent the reassigned task at once.
        await fixture.Stream.WaitForAsync(f => (string?)f["actionConversationId"] == PlaygroundIds.PersonalChatId
            && Frames.CardText(f).Contains(second, StringComparison.Ordinal), mark, TimeSpan.FromSeconds(20));
        var cursors = fixture.Services.GetRequiredService<MemberCursorStore>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await cursors.GetAsync(reviewId, PlaygroundUsers.ChildrenEducationLeadEmail, CancellationToken.None))?.TaskId != first)
        {
            Assert.True(DateTime.UtcNow < deadline, "the new assignee was not sent the reassigned task");
            await Task.Delay(100);
        }

        Assert.NotEqual(first, (await cursors.GetAsync(reviewId, PlaygroundUsers.SecretariatEmail, CancellationToken.None))?.TaskId);
    }

    [Fact]
    public async Task Import_BrokenFileShowsItsRowErrors_CleanFilesPreviewThenStore()
    {
        await LoadSeedFunnelDemoAsync();
        var broken = Path.Combine(Directory.CreateTempSubdirectory("tab-import-").FullName, "tasks.csv");
        await File.WriteAllTextAsync(broken, "事務ID,事務名,所管局,部会,担当者\nJ-9001,試しの事務,福祉局,存在しない部会,hanako.yamada@city.example.jp\n");
        await using var browser = await PlaygroundBrowser.OpenUrlAsync(fixture.Bot.BaseUrl + "/tab");
        var page = browser.Page;
        var form = page.Locator("#import-form");
        await form.WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });

        await form.Locator("input[name=tasks]").SetInputFilesAsync(broken);
        await form.Locator("button[type=submit]").ClickAsync();
        var errors = page.Locator("table[data-table=import-errors] tbody tr");
        await errors.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        await browser.ScreenshotAsync("tab-04-import-errors");
        Assert.Contains("存在しない部会", await errors.First.InnerTextAsync(), StringComparison.Ordinal);
        var repository = fixture.Services.GetRequiredService<ReviewRepository>();
        var reviewId = (await fixture.Services.GetRequiredService<ReviewCatalog>().GetActiveReviewIdAsync(CancellationToken.None))!;
        Assert.Equal(812, (await repository.LoadAsync(reviewId, CancellationToken.None))!.Tasks.Count);

        await form.Locator("input[name=tasks]").SetInputFilesAsync(Path.Combine(RepoPaths.Root, "samples", "tasks.sample.csv"));
        await form.Locator("input[name=members]").SetInputFilesAsync(Path.Combine(RepoPaths.Root, "samples", "members.sample.csv"));
        await form.Locator("button[type=submit]").ClickAsync();
        var preview = page.Locator("[data-message=import-preview]");
        await preview.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Equal(812, (await repository.LoadAsync(reviewId, CancellationToken.None))!.Tasks.Count);
        await browser.ScreenshotAsync("tab-05-import-preview");
        await preview.GetByRole(AriaRole.Button).ClickAsync();
        await page.Locator("[data-message=imported]").WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });

        var sampleRows = (await File.ReadAllLinesAsync(Path.Combine(RepoPaths.Root, "samples", "tasks.sample.csv"))).Count(l => l.Length > 0) - 1;
        Assert.Equal(sampleRows, (await repository.LoadAsync(reviewId, CancellationToken.None))!.Tasks.Count);
    }

    private async Task<string> LoadDemoAndOpenWelfarePreWgAsync(int mark)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = fixture.StorageConnectionString,
            ["Storage:TablePrefix"] = fixture.TablePrefix,
        };
        using var output = new StringWriter();
        Assert.Equal(0, await CliApplication.RunAsync(["demo"], settings, output, output));
        await fixture.Playground.InstallAsync(PlaygroundIds.PersonalChatId);
        await fixture.Playground.InstallAsync(PlaygroundIds.TeamId);
        await fixture.Playground.SendMessageAsync(PlaygroundIds.PersonalChatId, "プレWG開始 福祉 12月20日");
        await fixture.Stream.WaitForAsync(f => ((string?)f["message"]?["text"])?.Contains("プレWGを開始しました", StringComparison.Ordinal) == true, mark);
        return (await fixture.Services.GetRequiredService<ReviewCatalog>().GetActiveReviewIdAsync(CancellationToken.None))!;
    }

    private async Task LoadSeedFunnelDemoAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = fixture.StorageConnectionString,
            ["Storage:TablePrefix"] = fixture.TablePrefix,
        };
        using var output = new StringWriter();
        Assert.Equal(0, await CliApplication.RunAsync(["demo", "--play-seed-funnel"], settings, output, output));
    }
}
