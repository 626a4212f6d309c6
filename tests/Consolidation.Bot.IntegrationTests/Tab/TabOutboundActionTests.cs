using System.Net;
using Consolidation.Bot.Conversations;
using Consolidation.Bot.Demo;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Tab;

/// <summary>
/// The tab's actions that send to Teams, against the real bot in development mode (the tab signs in as the Playground's
/// user, here the secretariat) and a loopback connector: "remind" beside a ward head (the reminder card reaches that
/// member once; a name not waiting for anything is refused with nothing sent) and registering the council channel (the
/// other secretariat member is told, the audit trail has it; an unknown channel changes nothing).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TabOutboundActionTests(AzuriteFixture azurite)
{
    private const string Tenant = "6b3c1f0e-2d4a-4c8e-9f71-0a5e3d2c1b90";
    private const string ReviewId = "remind";
    private static readonly Member Secretariat = new() { Email = PlaygroundUsers.SecretariatEmail, Name = "山田 花子", Role = MemberRole.Secretariat, AadObjectId = PlaygroundUsers.SecretariatAadObjectId };
    private static readonly Member Sec2 = new() { Email = "sec2@city.example.jp", Name = "事務局 二郎", Role = MemberRole.Secretariat, AadObjectId = "aad-sec2" };
    private const string Channel = "19:council@thread.tacv2";
    private static readonly Member Kita = new() { Email = "kita@city.example.jp", Name = "北 区長", Role = MemberRole.Member, Subcommittees = [Subcommittee.WelfareHealth], AadObjectId = "aad-kita" };

    [Fact]
    public async Task Remind_TheWardHeadGetsTheReminderCardOnce_SomeoneNotWaitingIsRefused()
    {
        await using var env = await StartAsync();
        using var http = new HttpClient();

        using var reminded = await PostAsync(http, env, Kita.Email);
        using var nobody = await PostAsync(http, env, Secretariat.Email);

        Assert.Contains("北 区長 さんにリマインドを送ります", await reminded.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("回答待ちの担当区長ではありません", await nobody.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await env.WaitForAsync(d => d.ConversationId == "a:aad-kita" && d.Activity.ToJsonString(Json.Readable).Contains("調査票の回答のお願い", StringComparison.Ordinal));
        // The outbox polls every 100 ms: a second copy would be here within 800 ms.
        await Task.Delay(TimeSpan.FromMilliseconds(800));
        Assert.Single(env.Connector.Deliveries, d => d.ConversationId == "a:aad-kita" && d.Activity.ToJsonString(Json.Readable).Contains("調査票の回答のお願い", StringComparison.Ordinal));
        Assert.DoesNotContain(env.Connector.Deliveries, d => d.ConversationId == "a:" + Secretariat.AadObjectId && d.Activity.ToJsonString(Json.Readable).Contains("調査票の回答のお願い", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RegisterCouncil_FromTheTab_Registered_TheOtherSecretariatTold_Audited_UnknownChannelRefused()
    {
        await using var env = await StartAsync();
        using var http = new HttpClient();
        var dashboard = await (await http.GetAsync(env.Host.BaseUrl + "/tab/api/dashboard")).Content.ReadAsStringAsync();

        using var unknown = await PostAsync(http, env, "/tab/api/council", "channel", "19:unknown@thread.tacv2");
        var unknownText = await unknown.Content.ReadAsStringAsync();
        var councilAfterUnknown = await env.References.GetCouncilChannelAsync(Tenant, CancellationToken.None);
        using var registered = await PostAsync(http, env, "/tab/api/council", "channel", Channel);

        Assert.Contains("推進会議 / 全体会議", dashboard, StringComparison.Ordinal);
        Assert.Contains("data-action=\"register-council\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("知っているチャンネルではありません", unknownText, StringComparison.Ordinal);
        Assert.Null(councilAfterUnknown);
        Assert.Contains("推進会議チャンネルとして登録しました", await registered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Channel, (await env.References.GetCouncilChannelAsync(Tenant, CancellationToken.None))!.ConversationId);
        var notice = await env.WaitForAsync(d => d.ConversationId == "a:aad-sec2");
        Assert.Contains("山田 花子", (string?)notice.Activity["text"], StringComparison.Ordinal);
        var audit = Assert.Single(await env.Host.Services.GetRequiredService<AuditLog>().ListAsync(ReviewId, CancellationToken.None), a => a.Kind == AuditKind.CouncilRegistered);
        Assert.Equal(Secretariat.Email, audit.By);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, InProcessBot env, string email) => PostAsync(http, env, "/tab/api/remind", "email", email);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, InProcessBot env, string path, string field, string value)
    {
        var response = await http.PostAsync(env.Host.BaseUrl + path, new FormUrlEncodedContent(new Dictionary<string, string> { [field] = value }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private async Task<InProcessBot> StartAsync()
    {
        var env = await InProcessBot.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "",
            ["Bot:TenantId"] = Tenant,
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = azurite.NewTablePrefix(),
            ["Schedules:Enabled"] = "false",
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["Review:Locale"] = "ja-JP",
        });
        var services = env.Host.Services;
        var now = DateTimeOffset.UtcNow;
        await new ChatReview(env, Tenant, "28:remind-bot").SeedAsync(ReviewId, "リマインド",
            [new TaskDefinition { Id = "J-0001", Name = "事務J-0001", Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth, Assignee = Kita.Email }],
            [Secretariat, Sec2, Kita]);
        await env.References.UpsertIfChangedAsync(new ConversationReference
        {
            TenantId = Tenant, Kind = ConversationKind.Channel, ConversationId = Channel, ServiceUrl = env.Connector.ServiceUrl, BotId = "28:remind-bot",
            ChannelId = Channel, TeamId = "19:team@thread.tacv2", TeamName = "推進会議", ChannelName = "全体会議", UpdatedAt = now,
        }, CancellationToken.None);

        await services.GetRequiredService<StageOpeningService>().OpenAsync(ReviewId, Secretariat, Stage.PreWg, [Subcommittee.WelfareHealth], now.AddDays(7), CancellationToken.None);
        return env;
    }
}
