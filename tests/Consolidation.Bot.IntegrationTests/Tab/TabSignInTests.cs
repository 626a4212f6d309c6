using System.Net;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Testing;

namespace Consolidation.Bot.IntegrationTests.Tab;

/// <summary>
/// The tab's sign-in and scope against the real bot with an app id (not development mode) and a loopback Entra
/// stand-in: Teams SSO tokens validated for issuer, tenant, audience, lifetime and signature; the role from the
/// imported members by Entra object id; each role sees what it may.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TabSignInTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Tenant = SignedInTabHost.Tenant;
    private const string OtherTenant = "0d9d4c5e-1111-4222-8333-944444444444";
    private const string AppId = SignedInTabHost.AppId;
    private static readonly string Audience = SignedInTabHost.Audience;

    private static readonly Member Secretariat = new() { Email = "sec@city.example.jp", Name = "事務局 一郎", Role = MemberRole.Secretariat, AadObjectId = "aad-sec" };
    private static readonly Member WelfareLead = new() { Email = "lead@city.example.jp", Name = "福祉 部会長", Role = MemberRole.Lead, Subcommittees = [Subcommittee.WelfareHealth], AadObjectId = "aad-lead" };
    private static readonly Member WardHead = new() { Email = "kucho@city.example.jp", Name = "北 区長", Role = MemberRole.Member, Subcommittees = [Subcommittee.WelfareHealth], AadObjectId = "aad-member" };
    private static readonly Member Council = new() { Email = "council@city.example.jp", Name = "推進 会議", Role = MemberRole.Council, AadObjectId = "aad-council" };
    private static readonly Member ChildrenHead = new() { Email = "kodomo@city.example.jp", Name = "南 区長", Role = MemberRole.Member, Subcommittees = [Subcommittee.ChildrenEducation], AadObjectId = "aad-children" };

    private SignedInTabHost _host = null!;

    private HttpClient Http => _host.Http;

    private BotHost Bot => _host.Bot;

    private EntraTestIssuer Entra => _host.Entra;

    public async Task InitializeAsync()
    {
        TaskDefinition Task(string id, Subcommittee s, Member assignee) =>
            new() { Id = id, Name = "事務" + id, Bureau = "福祉局", Subcommittee = s, Assignee = assignee.Email };
        _host = await SignedInTabHost.StartAsync(azurite,
            [Task("J-0001", Subcommittee.WelfareHealth, WelfareLead), Task("J-0002", Subcommittee.WelfareHealth, WardHead), Task("J-0003", Subcommittee.ChildrenEducation, ChildrenHead)],
            [Secretariat, WelfareLead, WardHead, Council, ChildrenHead]);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task NoToken_401WithABearerChallengeAndTheMessage()
    {
        using var response = await Http.GetAsync(Bot.BaseUrl + "/tab/api/dashboard");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("Teams からこのタブを開き直してください", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public static TheoryData<string> BadTokens => new() { "other-audience", "other-tenant", "tid-of-other-tenant", "expired", "bad-signature", "bot-app-id-uri" };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BadToken_401(string kind)
    {
        var token = kind switch
        {
            "other-audience" => Entra.Token(Secretariat.AadObjectId!, Tenant, $"api://other.example.jp/{AppId}"),
            "bot-app-id-uri" => Entra.Token(Secretariat.AadObjectId!, Tenant, $"api://botid-{AppId}"),
            "other-tenant" => Entra.Token(Secretariat.AadObjectId!, OtherTenant, Audience),
            "tid-of-other-tenant" => Entra.Token(Secretariat.AadObjectId!, OtherTenant, Audience, issuerTenantId: Tenant),
            "expired" => Entra.Token(Secretariat.AadObjectId!, Tenant, Audience, expires: DateTimeOffset.UtcNow.AddMinutes(-10)),
            _ => Entra.Token(Secretariat.AadObjectId!, Tenant, Audience, key: Entra.UnpublishedKey),
        };

        using var response = await GetAsync("/tab/api/dashboard", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("data-message=\"not-signed-in\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BearerTokensOutsideTheTab_AreNotValidatedByTheTabsScheme()
    {
        // The Bot Connector sends its own bearer token with every activity: the tab's scheme must not be the host's
        // default (ASP.NET Core makes a lone scheme the default), or every message would be validated a second time
        // against the tenant's Entra keys, fail, and log that it failed.
        var token = Entra.Token(Secretariat.AadObjectId!, Tenant, Audience);
        var before = Entra.MetadataRequests;
        for (var i = 0; i < 3; i++)
        {
            using var ready = await GetAsync("/readyz", token);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        Assert.Equal(before, Entra.MetadataRequests);

        // The same token on the tab is validated there, against the same issuer: the count above could have moved.
        using var dashboard = await GetAsync("/tab/api/dashboard", token);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.True(Entra.MetadataRequests > before);
    }

    [Fact]
    public async Task SignedInButNotAMember_403()
    {
        using var response = await GetAsync("/tab/api/dashboard", Entra.Token("aad-stranger", Tenant, Audience));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("名簿にあなたは登録されていません", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secretariat_SeesEveryFigureAndEveryTask_NotReadOnly()
    {
        var token = Entra.Token(Secretariat.AadObjectId!, Tenant, Audience);

        var dashboard = await ReadOkAsync("/tab/api/dashboard", token);
        var search = await ReadOkAsync("/tab/api/tasks?q=J-", token);

        Assert.Contains("data-table=\"subcommittees\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("id=\"waiting-heading\"", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("閲覧のみ", dashboard, StringComparison.Ordinal);
        Assert.Equal(["J-0001", "J-0002", "J-0003"], TaskIds(search));
    }

    [Fact]
    public async Task Member_SeesOnlyTheirTasks_AndTheOverallFunnel()
    {
        var token = Entra.Token(WardHead.AadObjectId!, Tenant, Audience);

        var dashboard = await ReadOkAsync("/tab/api/dashboard", token);
        var search = await ReadOkAsync("/tab/api/tasks?q=J-", token);
        using var other = await GetAsync("/tab/api/tasks/J-0001", token);
        var own = await ReadOkAsync("/tab/api/tasks/J-0002", token);

        Assert.Contains("data-table=\"funnel\"", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("data-table=\"subcommittees\"", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"waiting-heading\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("閲覧のみ", dashboard, StringComparison.Ordinal);
        Assert.Equal(["J-0002"], TaskIds(search));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Contains("data-task=\"J-0002\"", own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lead_SeesTheirSubcommitteesPeopleAndTasks_NotAnothers()
    {
        var token = Entra.Token(WelfareLead.AadObjectId!, Tenant, Audience);

        var dashboard = await ReadOkAsync("/tab/api/dashboard", token);
        var search = await ReadOkAsync("/tab/api/tasks?q=J-", token);

        Assert.Contains("data-table=\"subcommittees\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("id=\"waiting-heading\"", dashboard, StringComparison.Ordinal);
        Assert.Equal(["J-0001", "J-0002"], TaskIds(search));
    }

    [Fact]
    public async Task Council_ReadOnlyFiguresWithoutNames()
    {
        var token = Entra.Token(Council.AadObjectId!, Tenant, Audience);

        var dashboard = await ReadOkAsync("/tab/api/dashboard", token);
        var search = await ReadOkAsync("/tab/api/tasks?q=J-", token);

        Assert.Contains("閲覧のみ", dashboard, StringComparison.Ordinal);
        Assert.Contains("data-table=\"subcommittees\"", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"waiting-heading\"", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"unreachable-heading\"", dashboard, StringComparison.Ordinal);
        Assert.Empty(TaskIds(search));
    }

    [Fact]
    public async Task TabClientId_TheTabsAppIsTheAudience_TheBotsIsNot()
    {
        const string TabApp = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
        await using var host = await SignedInTabHost.StartAsync(azurite, [], [Secretariat], new Dictionary<string, string?> { ["Tab:ClientId"] = TabApp });

        using var tabApp = await host.GetAsync("/tab/api/dashboard", host.Entra.Token(Secretariat.AadObjectId!, Tenant, $"api://{SignedInTabHost.Host}/{TabApp}"));
        using var botApp = await host.GetAsync("/tab/api/dashboard", host.Entra.Token(Secretariat.AadObjectId!, Tenant, Audience));

        Assert.Equal(HttpStatusCode.OK, tabApp.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, botApp.StatusCode);
    }

    [Fact]
    public async Task AppIdAudience_V2Token_Accepted_AndEnglishByLocale()
    {
        var dashboard = await ReadOkAsync("/tab/api/dashboard?lang=en-US", Entra.Token(Secretariat.AadObjectId!, Tenant, AppId));

        Assert.Contains("Consolidation review dashboard", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_SecretariatDownloadsTheWorkbook_WhichImportsAgain_CouncilRefused()
    {
        using var workbook = await GetAsync("/tab/api/export", Entra.Token(Secretariat.AadObjectId!, Tenant, Audience));
        using var council = await GetAsync("/tab/api/export", Entra.Token(Council.AadObjectId!, Tenant, Audience));

        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("集約化検討_", workbook.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        await using var stream = await workbook.Content.ReadAsStreamAsync();
        var again = Import.ReviewFileImporter.Read(stream, "export.xlsx", null, null,
            new HashSet<string>([Secretariat.Email, WelfareLead.Email, WardHead.Email, Council.Email, ChildrenHead.Email]), System.Globalization.CultureInfo.GetCultureInfo("ja-JP"));
        Assert.True(again.IsValid, string.Join("\n", again.Errors.Select(e => e.Message)));
        Assert.Equal(["J-0001", "J-0002", "J-0003"], again.Tasks.Select(t => t.Id));
        Assert.Equal(HttpStatusCode.Forbidden, council.StatusCode);
    }

    [Theory]
    [InlineData("/tab", "/tab/assets/tab.js")]
    [InlineData("/tab/configure", "/tab/assets/tab-config.js")]
    public async Task Pages_NeedNoToken_FramedOnlyByTeams_ScriptsFromThisHost(string path, string script)
    {
        using var page = await Http.GetAsync(Bot.BaseUrl + path);
        using var asset = await Http.GetAsync(Bot.BaseUrl + script);
        using var teamsJs = await Http.GetAsync(Bot.BaseUrl + "/tab/assets/MicrosoftTeams.min.js");
        using var unknown = await Http.GetAsync(Bot.BaseUrl + "/tab/assets/appsettings.json");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self' https://teams.microsoft.com", csp, StringComparison.Ordinal);
        Assert.Contains($"src=\"{script}\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("text/javascript", asset.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, teamsJs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private Task<HttpResponseMessage> GetAsync(string path, string token) => _host.GetAsync(path, token);

    private async Task<string> ReadOkAsync(string path, string token)
    {
        using var response = await GetAsync(path, token);
        return await SignedInTabHost.ReadOkAsync(response);
    }

    private static string[] TaskIds(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "data-fragment=\"/tab/api/tasks/([^\"]+)\"").Select(m => m.Groups[1].Value)];
}
