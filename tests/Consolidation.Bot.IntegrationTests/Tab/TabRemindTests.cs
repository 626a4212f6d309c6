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
/// "Remind" beside a ward head on the tab, against the real bot in development mode (the tab signs in as the
/// Playground's user, here the secretariat) and a loopback connector: the reminder card reaches that member once, and a
/// name that is not waiting for anything is refused with nothing sent.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TabRemindTests(AzuriteFixture azurite)
{
    private const string Tenant = "6b3c1f0e-2d4a-4c8e-9f71-0a5e3d2c1b90";
    private const string ReviewId = "remind";
    private static readonly Member Secretariat = new() { Email = PlaygroundUsers.SecretariatEmail, Name = "山田 花子", Role = MemberRole.Secretariat, AadObjectId = PlaygroundUsers.SecretariatAadObjectId };
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

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, InProcessBot env, string email)
    {
        var response = await http.PostAsync(env.Host.BaseUrl + "/tab/api/remind", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email }));
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
        await services.GetRequiredService<ReviewImportWriter>().WriteAsync(ReviewId, "リマインド",
            [new TaskDefinition { Id = "J-0001", Name = "事務J-0001", Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth, Assignee = Kita.Email }],
            [Secretariat, Kita], false, now, CancellationToken.None);
        await services.GetRequiredService<ReviewCatalog>().SetActiveReviewAsync(ReviewId, CancellationToken.None);
        foreach (var member in new[] { Secretariat, Kita })
        {
            await env.References.UpsertIfChangedAsync(new ConversationReference
            {
                TenantId = Tenant, Kind = ConversationKind.User, ConversationId = "a:" + member.AadObjectId, ServiceUrl = env.Connector.ServiceUrl,
                BotId = "28:remind-bot", UserId = "29:" + member.AadObjectId, AadObjectId = member.AadObjectId, UserName = member.Name, UpdatedAt = now,
            }, CancellationToken.None);
        }

        await services.GetRequiredService<StageOpeningService>().OpenAsync(ReviewId, Secretariat, Stage.PreWg, [Subcommittee.WelfareHealth], now.AddDays(7), CancellationToken.None);
        return env;
    }
}
