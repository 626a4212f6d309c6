using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Tab;

/// <summary>
/// Importing from the tab, with real tokens against the real bot and Azurite: a broken file shows every row error and
/// changes nothing; a clean one is previewed (nothing stored) and then stored on confirmation; a confirmation with other
/// files than the checked ones stores nothing; only the secretariat may.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class TabImportTests(AzuriteFixture azurite)
{
    private static readonly Member Secretariat = new() { Email = "sec@city.example.jp", Name = "事務局 一郎", Role = MemberRole.Secretariat, AadObjectId = "aad-sec" };
    private static readonly Member Lead = new() { Email = "lead@city.example.jp", Name = "福祉 部会長", Role = MemberRole.Lead, Subcommittees = [Subcommittee.WelfareHealth], AadObjectId = "aad-lead" };

    private const string Header = "事務ID,事務名,所管局,部会,担当者\n";
    private const string Clean = Header
        + "J-0001,事務J-0001（名称変更）,福祉局,福祉・健康部会,lead@city.example.jp\n"
        + "J-0002,新しい事務,福祉局,福祉・健康部会,lead@city.example.jp\n";
    private const string Broken = Header
        + "J-0001,事務J-0001,福祉局,存在しない部会,lead@city.example.jp\n"
        + "J-0002,,福祉局,福祉・健康部会,lead@city.example.jp\n";

    private Task<SignedInTabHost> StartAsync() => SignedInTabHost.StartAsync(azurite,
        [new TaskDefinition { Id = "J-0001", Name = "事務J-0001", Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth, Assignee = Lead.Email }],
        [Secretariat, Lead]);

    [Fact]
    public async Task BrokenFile_EveryRowErrorShown_NothingStored()
    {
        await using var host = await StartAsync();
        var before = await DefinitionsAsync(host);

        var html = await SignedInTabHost.ReadOkAsync(await PostAsync(host, Secretariat, Broken, confirm: null));

        Assert.Contains("data-message=\"import-errors\"", html, StringComparison.Ordinal);
        var rows = ErrorRows().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["2", "3"], rows); // row 2: unknown subcommittee; row 3: no task name
        Assert.Contains("<td>部会</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>事務名</td>", html, StringComparison.Ordinal);
        Assert.Equal(before, await DefinitionsAsync(host));
    }

    [Fact]
    public async Task CleanFile_PreviewStoresNothing_ConfirmStores()
    {
        await using var host = await StartAsync();
        var before = await DefinitionsAsync(host);

        var preview = await SignedInTabHost.ReadOkAsync(await PostAsync(host, Secretariat, Clean, confirm: null));
        var afterPreview = await DefinitionsAsync(host);
        var fingerprint = Fingerprint().Match(preview).Groups[1].Value;
        var done = await SignedInTabHost.ReadOkAsync(await PostAsync(host, Secretariat, Clean, fingerprint));

        Assert.Contains("data-message=\"import-preview\"", preview, StringComparison.Ordinal);
        Assert.Contains("事務: 追加 1件・変更 1件・削除 0件（取り込み後 2件）", preview, StringComparison.Ordinal);
        Assert.Contains("名簿: 今のまま", preview, StringComparison.Ordinal);
        Assert.Equal(before, afterPreview);
        Assert.Equal(32, fingerprint.Length);
        Assert.Contains("data-message=\"imported\"", done, StringComparison.Ordinal);
        Assert.Equal("J-0001 事務J-0001（名称変更）|J-0002 新しい事務", await DefinitionsAsync(host));
        var audit = Assert.Single(await host.Bot.Services.GetRequiredService<AuditLog>().ListAsync(SignedInTabHost.ReviewId, CancellationToken.None));
        Assert.Equal((AuditKind.Imported, Secretariat.Email), (audit.Kind, audit.By));
        Assert.Contains("事務 2件（追加 1・変更 1・削除 0）", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmWithOtherFilesThanChecked_RefusedNothingStored()
    {
        await using var host = await StartAsync();
        var before = await DefinitionsAsync(host);
        var preview = await SignedInTabHost.ReadOkAsync(await PostAsync(host, Secretariat, Clean, confirm: null));
        var fingerprint = Fingerprint().Match(preview).Groups[1].Value;

        var html = await SignedInTabHost.ReadOkAsync(await PostAsync(host, Secretariat, Clean + "J-0003,もう一件,福祉局,福祉・健康部会,lead@city.example.jp\n", fingerprint));

        Assert.Contains("確認した後でファイルが変わりました", html, StringComparison.Ordinal);
        Assert.Equal(before, await DefinitionsAsync(host));
    }

    [Fact]
    public async Task Lead_403_NothingStored()
    {
        await using var host = await StartAsync();
        var before = await DefinitionsAsync(host);

        using var response = await PostAsync(host, Lead, Clean, confirm: "anything");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("事務一覧・名簿の取り込みは事務局（市民局）だけ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await DefinitionsAsync(host));
    }

    private static async Task<HttpResponseMessage> PostAsync(SignedInTabHost host, Member who, string csv, string? confirm)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, host.Bot.BaseUrl + "/tab/api/import");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.TokenFor(who));
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "tasks", "tasks.csv");
        if (confirm is not null)
        {
            form.Add(new StringContent(confirm), "confirm");
        }

        request.Content = form;
        return await host.Http.SendAsync(request);
    }

    /// <summary>The stored task definitions (id and name), to compare before and after.</summary>
    private static async Task<string> DefinitionsAsync(SignedInTabHost host)
    {
        var snapshot = await host.Bot.Services.GetRequiredService<ReviewRepository>().LoadAsync(SignedInTabHost.ReviewId, CancellationToken.None);
        return string.Join("|", snapshot!.Tasks.Select(t => $"{t.Id} {t.Definition.Name}"));
    }

    [GeneratedRegex("<tr data-code=\"[^\"]*\"><td>[^<]*</td><td class=\"num\">([0-9]*)</td>")]
    private static partial Regex ErrorRows();

    [GeneratedRegex("name=\"confirm\" value=\"([0-9a-f]+)\"")]
    private static partial Regex Fingerprint();
}
