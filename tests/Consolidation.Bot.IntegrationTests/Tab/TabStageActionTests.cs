using System.Net;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Tab;

/// <summary>
/// Opening and closing a stage from the tab, with real tokens against the real bot: the same service and sentences as
/// the chat commands; a lead is refused (403) and a bad form is refused with its reason, each with nothing stored.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TabStageActionTests(AzuriteFixture azurite)
{
    private static readonly Member Secretariat = new() { Email = "sec@city.example.jp", Name = "事務局 一郎", Role = MemberRole.Secretariat, AadObjectId = "aad-sec" };
    private static readonly Member Lead = new() { Email = "lead@city.example.jp", Name = "福祉 部会長", Role = MemberRole.Lead, Subcommittees = [Subcommittee.WelfareHealth], AadObjectId = "aad-lead" };

    private Task<SignedInTabHost> StartAsync() => SignedInTabHost.StartAsync(azurite,
        [new TaskDefinition { Id = "J-0001", Name = "事務J-0001", Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth, Assignee = Lead.Email }],
        [Secretariat, Lead]);

    private static string Future => DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Secretariat_OpensThenCloses_WindowStoredAndClosed_TaskInThePreWg()
    {
        await using var host = await StartAsync();
        var token = host.TokenFor(Secretariat);

        var opened = await SignedInTabHost.ReadOkAsync(await host.PostFormAsync("/tab/api/stages/open", token,
            new Dictionary<string, string> { ["stage"] = "PreWg", ["subcommittee"] = "WelfareHealth", ["deadline"] = Future }));
        var repository = host.Bot.Services.GetRequiredService<ReviewRepository>();
        var window = await repository.GetWindowAsync(SignedInTabHost.ReviewId, Stage.PreWg, Subcommittee.WelfareHealth, CancellationToken.None);
        var task = (await repository.GetTaskAsync(SignedInTabHost.ReviewId, "J-0001", CancellationToken.None))!.Task;
        var closed = await SignedInTabHost.ReadOkAsync(await host.PostFormAsync("/tab/api/stages/close", token,
            new Dictionary<string, string> { ["stage"] = "PreWg", ["subcommittee"] = "all" }));

        Assert.Contains("data-message=\"done\"", opened, StringComparison.Ordinal);
        Assert.Contains("プレWGを開始しました", opened, StringComparison.Ordinal);
        Assert.NotNull(window);
        Assert.True(window.IsOpen);
        Assert.Equal(Stage.PreWg, task.Stage);
        Assert.Contains("data-message=\"done\"", closed, StringComparison.Ordinal);
        Assert.False((await repository.GetWindowAsync(SignedInTabHost.ReviewId, Stage.PreWg, Subcommittee.WelfareHealth, CancellationToken.None))!.IsOpen);

        // Both are in the audit trail with who did them, on the dashboard and in the export's history sheet.
        // (The outbox may add that the member has no chat with the bot yet: not the secretariat's action.)
        var audit = (await host.Bot.Services.GetRequiredService<AuditLog>().ListAsync(SignedInTabHost.ReviewId, CancellationToken.None))
            .Where(a => a.Kind != AuditKind.MemberUnreachable).ToList();
        Assert.Equal([AuditKind.StageOpened, AuditKind.StageClosed], audit.OrderBy(a => a.At).Select(a => a.Kind));
        Assert.All(audit, a => Assert.Equal(Secretariat.Email, a.By));
        var dashboard = await SignedInTabHost.ReadOkAsync(await host.GetAsync("/tab/api/dashboard", token));
        Assert.Contains("data-kind=\"StageClosed\"", dashboard, StringComparison.Ordinal);
        using var export = await host.GetAsync("/tab/api/export", token);
        using var workbook = new ClosedXML.Excel.XLWorkbook(await export.Content.ReadAsStreamAsync());
        var kinds = workbook.Worksheet(Export.ExportHeaders.HistorySheet).RowsUsed().Skip(1).Select(r => r.Cell(4).GetString()).ToList();
        Assert.Contains("段階の開始", kinds);
        Assert.Contains("段階の締切", kinds);
    }

    [Fact]
    public async Task Secretariat_OpensPreWgWithTheBatchCard_TheWindowKeepsTheChoice_AndTheAuditSaysIt()
    {
        await using var host = await StartAsync();

        var opened = await SignedInTabHost.ReadOkAsync(await host.PostFormAsync("/tab/api/stages/open", host.TokenFor(Secretariat),
            new Dictionary<string, string> { ["stage"] = "PreWg", ["subcommittee"] = "WelfareHealth", ["deadline"] = Future, ["card"] = "batch" }));

        Assert.Contains("一括カード（10件ずつ", opened, StringComparison.Ordinal);
        var window = await host.Bot.Services.GetRequiredService<ReviewRepository>().GetWindowAsync(SignedInTabHost.ReviewId, Stage.PreWg, Subcommittee.WelfareHealth, CancellationToken.None);
        Assert.Equal(PreWgCardMode.Batch, window!.CardMode);
        var audit = Assert.Single(await host.Bot.Services.GetRequiredService<AuditLog>().ListAsync(SignedInTabHost.ReviewId, CancellationToken.None));
        Assert.Contains("一括カード", audit.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PreWg", "somehow", "「一括」か「1件ずつ詳しく」から選んで")]
    [InlineData("PreWg", "1", "「一括」か「1件ずつ詳しく」から選んで")]
    [InlineData("Wg", "batch", "一括カードはプレWGの候補選定（粗い選定）だけ")]
    public async Task UnknownCard_OrABatchCardForALaterStage_Refused_NothingOpened(string stage, string card, string expected)
    {
        await using var host = await StartAsync();

        var html = await SignedInTabHost.ReadOkAsync(await host.PostFormAsync("/tab/api/stages/open", host.TokenFor(Secretariat),
            new Dictionary<string, string> { ["stage"] = stage, ["subcommittee"] = "WelfareHealth", ["deadline"] = Future, ["card"] = card }));

        Assert.Contains("data-message=\"refused\"", html, StringComparison.Ordinal);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        await AssertNothingOpenAsync(host);
    }

    [Theory]
    [InlineData("open", "PreWg", "WelfareHealth", "2020-01-01", "過去の日付")]
    [InlineData("open", "PreWg", "WelfareHealth", "12月20日", "期限の日付が分かりません")]
    [InlineData("open", "Closed", "WelfareHealth", "future", "部会が分かりません")]
    [InlineData("open", "PreWg", "Nowhere", "future", "部会が分かりません")]
    [InlineData("close", "PreWg", "WelfareHealth", "", "締め切るプレWGはありません")]
    public async Task BadForm_RefusedWithTheReason_NothingStored(string action, string stage, string subcommittee, string deadline, string expected)
    {
        await using var host = await StartAsync();

        var html = await SignedInTabHost.ReadOkAsync(await host.PostFormAsync($"/tab/api/stages/{action}", host.TokenFor(Secretariat),
            new Dictionary<string, string> { ["stage"] = stage, ["subcommittee"] = subcommittee, ["deadline"] = deadline == "future" ? Future : deadline }));

        Assert.Contains("data-message=\"refused\"", html, StringComparison.Ordinal);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        await AssertNothingOpenAsync(host);
    }

    [Theory]
    [InlineData("open", "段階の開始は")]
    [InlineData("close", "段階の締め切りは")]
    public async Task Lead_403_NothingStored(string action, string sentence)
    {
        await using var host = await StartAsync();

        using var response = await host.PostFormAsync($"/tab/api/stages/{action}", host.TokenFor(Lead),
            new Dictionary<string, string> { ["stage"] = "PreWg", ["subcommittee"] = "all", ["deadline"] = Future });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(sentence + "事務局（市民局）だけ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingOpenAsync(host);
    }

    private static async Task AssertNothingOpenAsync(SignedInTabHost host)
    {
        var repository = host.Bot.Services.GetRequiredService<ReviewRepository>();
        Assert.Empty(await repository.GetWindowsAsync(SignedInTabHost.ReviewId, CancellationToken.None));
        Assert.Equal(Stage.Inventory, (await repository.GetTaskAsync(SignedInTabHost.ReviewId, "J-0001", CancellationToken.None))!.Task.Stage);
    }
}
