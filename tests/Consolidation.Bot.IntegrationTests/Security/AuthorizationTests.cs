using System.Text.Json.Nodes;
using Consolidation.Bot.Conversations;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Security;

/// <summary>
/// Who may do what, against the real bot (in-process, development mode on loopback) and a loopback connector: admin
/// commands by the secretariat's Entra object id only, card actions by members of the active review only and for the
/// active review only, secretariat-only answers never shown in a channel, scheduled runs to the review's tenant only.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuthorizationTests(AzuriteFixture azurite)
{
    private const string Tenant = "6b3c1f0e-2d4a-4c8e-9f71-0a5e3d2c1b90";
    private const string BotId = "28:authz-bot";
    private const string Channel = "19:council-authz@thread.tacv2";
    private const string Team = "19:team-authz@thread.tacv2";

    private static readonly Member Sec1 = new() { Email = "sec1@city.example.jp", Name = "事務局 一郎", Role = MemberRole.Secretariat, AadObjectId = "aad-sec1" };
    private static readonly Member Sec2 = new() { Email = "sec2@city.example.jp", Name = "事務局 二郎", Role = MemberRole.Secretariat, AadObjectId = "aad-sec2" };
    private static readonly Member Lead = new() { Email = "lead@city.example.jp", Name = "福祉 部会長", AadObjectId = "aad-lead", Subcommittees = [Subcommittee.WelfareHealth] };

    [Fact]
    public async Task RegisterCouncil_ByAMemberWhoIsNotSecretariat_RefusedAndNothingChanges()
    {
        await using var env = await StartAsync();

        await env.PostAsync(ChannelMessage(env, Lead, "register council"));

        var reply = await env.WaitForAsync(d => d.ConversationId == Channel && Text(d).Contains("事務局", StringComparison.Ordinal));
        Assert.Contains("推進会議チャンネルの登録は事務局", Text(reply), StringComparison.Ordinal);
        Assert.Null(await env.References.GetCouncilChannelAsync(Tenant, CancellationToken.None));
        Assert.DoesNotContain(env.Connector.Deliveries, d => d.ConversationId == "a:sec2");
        Assert.Empty(await env.Host.Services.GetRequiredService<AuditLog>().ListAsync("a1", CancellationToken.None));
    }

    [Fact]
    public async Task RegisterCouncil_BySecretariat_RegisteredAndTheOtherSecretariatIsTold()
    {
        await using var env = await StartAsync();

        await env.PostAsync(ChannelMessage(env, Sec1, "推進会議チャンネルに登録"));

        var notice = await env.WaitForAsync(d => d.ConversationId == "a:sec2");
        Assert.Contains("推進会議チャンネルが", Text(notice), StringComparison.Ordinal);
        Assert.Contains(Sec1.Name, Text(notice), StringComparison.Ordinal);
        Assert.Equal(Channel, (await env.References.GetCouncilChannelAsync(Tenant, CancellationToken.None))!.ConversationId);
        Assert.DoesNotContain(env.Connector.Deliveries, d => d.ConversationId == "a:sec1");
        var audit = Assert.Single(await env.Host.Services.GetRequiredService<AuditLog>().ListAsync("a1", CancellationToken.None), a => a.Kind == AuditKind.CouncilRegistered);
        Assert.Equal(Sec1.Email, audit.By);
    }

    [Theory]
    [InlineData("submitAnswer")]
    [InlineData("showTask")]
    [InlineData("refreshTask")]
    public async Task CardAction_FromSomeoneNotInTheReview_GenericRefusalNamingNoTask(string verb)
    {
        await using var env = await StartAsync();
        var outsider = new Member { Email = "x@elsewhere.example", Name = "部外者", AadObjectId = "aad-outsider" };

        var body = await env.InvokeAsync(CardInvoke(env, outsider, verb, new JsonObject { ["taskId"] = "J-0001", ["version"] = "2", ["stage"] = "PreWg", ["decision"] = "Keep" }));

        Assert.Contains("参加者として登録されている方だけ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("J-0001", body, StringComparison.Ordinal);
        Assert.DoesNotContain("事務1", body, StringComparison.Ordinal);
        Assert.Null((await env.Repository.GetTaskAsync("a1", "J-0001", CancellationToken.None))!.Task.State.OutcomeOf(Stage.PreWg));
    }

    [Fact]
    public async Task SubmitAnswer_CardOfAnEarlierReview_RefusedAsStaleAndNothingStored()
    {
        await using var env = await StartAsync();
        var before = (await env.Repository.GetTaskAsync("a1", "J-0001", CancellationToken.None))!.Task.State;

        var body = await env.InvokeAsync(CardInvoke(env, Lead, "submitAnswer", new JsonObject
        {
            ["reviewId"] = "an-earlier-review", ["taskId"] = "J-0001", ["version"] = before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["stage"] = "PreWg", ["routine"] = "true", ["highLevelNegotiation"] = "false", ["paperOrVisit"] = "true",
            ["businessesServed"] = "false", ["migrationEffect"] = "Changes", ["decision"] = "Keep",
        }));

        Assert.Contains("以前の検討", body, StringComparison.Ordinal);
        Assert.Equal(before, (await env.Repository.GetTaskAsync("a1", "J-0001", CancellationToken.None))!.Task.State);
    }

    [Fact]
    public async Task SecretariatOnlyAnswer_AskedInAChannel_GoesToThePersonalChatWithAPointerInTheChannel()
    {
        await using var env = await StartAsync();
        var mark = env.Connector.Deliveries.Count;

        await env.PostAsync(ChannelMessage(env, Sec1, "福祉・健康部会の未回答者は？"));

        var card = await env.WaitForAsync(d => d.ConversationId == "a:sec1");
        Assert.Contains("application/vnd.microsoft.card.adaptive", card.Activity.ToJsonString(), StringComparison.Ordinal);
        var pointer = await env.WaitForAsync(d => d.ConversationId == Channel);
        Assert.Contains("個人チャットに送りました", Text(pointer), StringComparison.Ordinal);
        Assert.DoesNotContain(env.Connector.Deliveries.Skip(mark), d => d.ConversationId == Channel && d.Activity["attachments"] is not null);
    }

    [Fact]
    public async Task ScheduledRun_CouncilChannelsInTwoTenantsAndNoTenantConfigured_GoesToNeither()
    {
        await using var env = await StartAsync();
        foreach (var tenant in new[] { Tenant, "0d9d4c5e-1111-4222-8333-944444444444" })
        {
            await env.References.SetCouncilChannelAsync(new ConversationReference
            {
                TenantId = tenant, Kind = ConversationKind.Channel, ConversationId = "19:c-" + tenant + "@thread.tacv2",
                ServiceUrl = env.Connector.ServiceUrl, TeamId = Team, UpdatedAt = DateTimeOffset.UtcNow,
            }, CancellationToken.None);
        }

        var tenants = env.Host.Services.GetRequiredService<ScheduleTenants>();

        Assert.Null(await tenants.ResolveAsync(null, CancellationToken.None));
        Assert.Equal(Tenant, await tenants.ResolveAsync(Tenant, CancellationToken.None));
    }

    private static string Text(ConnectorDelivery delivery) => (string?)delivery.Activity["text"] ?? "";

    private async Task<InProcessBot> StartAsync()
    {
        var env = await InProcessBot.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = azurite.NewTablePrefix(),
            ["Schedules:Enabled"] = "false",
            ["Outbox:Enabled"] = "false",
            ["Review:Locale"] = "ja-JP",
        });
        var (host, connector) = (env.Host, env.Connector);
        var now = DateTimeOffset.UtcNow;
        var task = new TaskDefinition { Id = "J-0001", Name = "事務1", Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth, Assignee = Lead.Email };
        await host.Services.GetRequiredService<ReviewImportWriter>().WriteAsync("a1", "authz", [task], [Sec1, Sec2, Lead], false, now, CancellationToken.None);
        await host.Services.GetRequiredService<ReviewCatalog>().SetActiveReviewAsync("a1", CancellationToken.None);
        await host.Services.GetRequiredService<Review.StageOpeningService>().OpenAsync("a1", Sec1, Stage.PreWg, [Subcommittee.WelfareHealth], now.AddDays(7), CancellationToken.None);
        foreach (var member in new[] { Sec1, Sec2 })
        {
            await env.References.UpsertIfChangedAsync(new ConversationReference
            {
                TenantId = Tenant, Kind = ConversationKind.User, ConversationId = "a:" + member.Email[..4], ServiceUrl = connector.ServiceUrl,
                BotId = BotId, UserId = "29:" + member.AadObjectId, AadObjectId = member.AadObjectId, UserName = member.Name, UpdatedAt = now,
            }, CancellationToken.None);
        }

        return env;
    }

    private static JsonObject Activity(InProcessBot env, Member from, string type, string conversationId, string conversationType, JsonObject? channelData = null) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString(),
        ["channelId"] = "msteams",
        ["serviceUrl"] = env.Connector.ServiceUrl,
        ["from"] = new JsonObject { ["id"] = "29:" + from.AadObjectId, ["name"] = from.Name, ["aadObjectId"] = from.AadObjectId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "集約化ボット" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = Tenant },
        ["channelData"] = channelData ?? new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
        ["locale"] = "ja-JP",
    };

    private static JsonObject ChannelMessage(InProcessBot env, Member from, string text)
    {
        var activity = Activity(env, from, "message", Channel, "channel", new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = Tenant },
            ["team"] = new JsonObject { ["id"] = Team, ["name"] = "推進会議" },
            ["channel"] = new JsonObject { ["id"] = Channel, ["name"] = "推進会議" },
        });
        activity["text"] = "<at>集約化ボット</at> " + text;
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "集約化ボット" },
            ["text"] = "<at>集約化ボット</at>",
        });
        return activity;
    }

    private static JsonObject CardInvoke(InProcessBot env, Member from, string verb, JsonObject data)
    {
        var activity = Activity(env, from, "invoke", "a:" + from.AadObjectId, "personal");
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = "1:card";
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } };
        return activity;
    }
}
