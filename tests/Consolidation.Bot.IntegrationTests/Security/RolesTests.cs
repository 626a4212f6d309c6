using System.Text.Json.Nodes;
using Consolidation.Bot.Conversations;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Security;

/// <summary>
/// The governance roles against the real bot (in-process) and a loopback connector: the overall summing-up (全体総括)
/// gets the digest in 1:1 besides the council channel, once, and may ask anything; a lead may ask about the
/// subcommittee they lead and not another.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RolesTests(AzuriteFixture azurite)
{
    private const string Tenant = "6b3c1f0e-2d4a-4c8e-9f71-0a5e3d2c1b90";
    private const string BotId = "28:roles-bot";

    private static readonly Member Secretariat = new() { Email = "sec@city.example.jp", Name = "事務局", Role = MemberRole.Secretariat, AadObjectId = "aad-sec" };
    private static readonly Member Overview = new() { Email = "kucho@city.example.jp", Name = "区長会議 議長", Role = MemberRole.Council, AdditionalRoles = [MemberRole.Overview], AadObjectId = "aad-overview" };
    private static readonly Member WelfareLead = new() { Email = "lead@city.example.jp", Name = "福祉 部会長", Role = MemberRole.Lead, Subcommittees = [Subcommittee.WelfareHealth], AadObjectId = "aad-lead" };

    [Fact]
    public async Task Digest_PostedToTheCouncilChannelAndSentToTheOverviewMemberOnce()
    {
        await using var env = await StartAsync();
        await env.References.SetCouncilChannelAsync(new ConversationReference
        {
            TenantId = Tenant, Kind = ConversationKind.Channel, ConversationId = "19:council@thread.tacv2", ServiceUrl = env.Connector.ServiceUrl,
            BotId = BotId, TeamId = "19:team@thread.tacv2", UpdatedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
        var trigger = env.Host.Services.GetRequiredService<ScheduledRunTrigger>();

        await trigger.TriggerAsync(ScheduleKind.Digest, DateTimeOffset.UtcNow, manual: true, Tenant, Secretariat.AadObjectId, CancellationToken.None);

        await env.WaitForAsync(d => d.ConversationId == "a:aad-overview");
        await env.WaitForAsync(d => d.ConversationId == "19:council@thread.tacv2");
        await Task.Delay(TimeSpan.FromMilliseconds(800)); // the outbox polls every 100 ms: a second copy would be here by now
        Assert.Single(env.Connector.Deliveries, d => d.ConversationId == "a:aad-overview");
        Assert.DoesNotContain(env.Connector.Deliveries, d => d.ConversationId == "a:aad-lead");
    }

    [Fact]
    public async Task ThemeDirection_RecordedBySecretariat_ShownInTheDigest_RefusedForALead()
    {
        await using var env = await StartAsync();
        await env.References.SetCouncilChannelAsync(new ConversationReference
        {
            TenantId = Tenant, Kind = ConversationKind.Channel, ConversationId = "19:council@thread.tacv2", ServiceUrl = env.Connector.ServiceUrl,
            BotId = BotId, TeamId = "19:team@thread.tacv2", UpdatedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);

        await env.PostAsync(Message(env, WelfareLead, "方向性 債権管理 部会長の案"));
        var refused = await env.WaitForAsync(d => d.ConversationId == "a:aad-lead");
        await env.PostAsync(Message(env, Secretariat, "方向性 債権管理 債権管理課への一元化を進める"));
        var recorded = await env.WaitForAsync(d => d.ConversationId == "a:aad-sec");
        await env.Host.Services.GetRequiredService<ScheduledRunTrigger>().TriggerAsync(ScheduleKind.Digest, DateTimeOffset.UtcNow, manual: true, Tenant, Secretariat.AadObjectId, CancellationToken.None);
        var digest = await env.WaitForAsync(d => d.ConversationId == "19:council@thread.tacv2");

        Assert.Contains("事務局（市民局）だけ", (string?)refused.Activity["text"], StringComparison.Ordinal);
        Assert.Contains("債権管理課への一元化を進める", (string?)recorded.Activity["text"], StringComparison.Ordinal);
        var card = digest.Activity["attachments"]![0]!["content"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("先行検討テーマの方向性", card, StringComparison.Ordinal);
        Assert.Contains("債権管理課への一元化を進める", card, StringComparison.Ordinal);
        Assert.DoesNotContain("部会長の案", card, StringComparison.Ordinal);
        Assert.Contains("（未記録）", card, StringComparison.Ordinal); // the other two themes
    }

    [Fact]
    public async Task Lead_AsksOwnSubcommittee_Answered_AnotherSubcommittee_Refused()
    {
        await using var env = await StartAsync();

        await env.PostAsync(Message(env, WelfareLead, "福祉・健康部会の未回答者は？"));
        var own = await env.WaitForAsync(d => d.ConversationId == "a:aad-lead");
        await env.PostAsync(Message(env, WelfareLead, "こども教育部会の未回答者は？"));
        var other = await env.WaitForAsync(d => d.ConversationId == "a:aad-lead" && d != own);

        Assert.NotNull(own.Activity["attachments"]);
        Assert.Contains("事務局の方にだけ", (string?)other.Activity["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AmbiguousQuestion_ClarificationCard_ThenTheChosenReadingIsAnswered()
    {
        await using var env = await StartAsync();

        await env.PostAsync(Message(env, Secretariat, "福祉とこどもの進捗は？"));
        var clarify = await env.WaitForAsync(d => d.ConversationId == "a:aad-sec");
        var actions = clarify.Activity["attachments"]![0]!["content"]!["actions"]!.AsArray();
        Assert.Equal(2, actions.Count);
        Assert.All(actions, a => Assert.Equal("askStatus", (string?)a!["verb"]));
        var chosen = (string)actions[0]!["data"]!["question"]!;

        var invoke = Message(env, Secretariat, "");
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke.Remove("text");
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "askStatus", ["data"] = new JsonObject { ["question"] = chosen } } };
        var body = await env.InvokeAsync(invoke);
        var answer = await env.WaitForAsync(d => d.ConversationId == "a:aad-sec" && d != clarify);

        Assert.Contains("福祉・健康部会", chosen, StringComparison.Ordinal);
        Assert.Contains("としてお答えします", body, StringComparison.Ordinal);
        Assert.Contains("福祉・健康部会の進捗", answer.Activity["attachments"]![0]!["content"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_AsksAnySubcommitteesNonResponders_Answered()
    {
        await using var env = await StartAsync();

        await env.PostAsync(Message(env, Overview, "こども教育部会の未回答者は？"));
        var answer = await env.WaitForAsync(d => d.ConversationId == "a:aad-overview");

        Assert.NotNull(answer.Activity["attachments"]);
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
        var task = new TaskDefinition { Id = "J-0001", Name = "事務1", Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth, Assignee = WelfareLead.Email };
        await new ChatReview(env, Tenant, BotId).SeedAsync("r1", "roles", [task], [Secretariat, Overview, WelfareLead]);
        return env;
    }

    private static JsonObject Message(InProcessBot env, Member from, string text) => new ChatReview(env, Tenant, BotId).Message(from, text);
}
