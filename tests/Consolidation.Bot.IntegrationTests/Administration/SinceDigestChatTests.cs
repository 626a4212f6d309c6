using Consolidation.Bot.Conversations;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review;
using Consolidation.Bot.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Administration;

/// <summary>
/// "前回のダイジェストから何件回答があった？" in chat, against the real bot, Azurite and a loopback connector: a digest is posted,
/// then one answer comes, and the secretariat is told that one answer, read from the time the digest was stored.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SinceDigestChatTests(AzuriteFixture azurite)
{
    private const string Tenant = "6b3c1f0e-2d4a-4c8e-9f71-0a5e3d2c1b90";
    private const string BotId = "28:digest-bot";
    private const string Council = "19:council@thread.tacv2";
    private static readonly Member Secretariat = new() { Email = "sec@city.example.jp", Name = "事務局 一郎", Role = MemberRole.Secretariat, AadObjectId = "aad-sec" };
    private static readonly Member Kita = new() { Email = "kita@city.example.jp", Name = "北 区長", Role = MemberRole.Member, Subcommittees = [Subcommittee.WelfareHealth], AadObjectId = "aad-kita" };

    [Fact]
    public async Task AfterADigest_OneAnswer_TheSecretariatIsToldOne()
    {
        await using var env = await InProcessBot.StartChatBotAsync(azurite, Tenant);
        var chat = new ChatReview(env, Tenant, BotId);
        TaskDefinition Task(string id) => new() { Id = id, Name = "事務" + id, Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth, Assignee = Kita.Email };
        await chat.SeedAsync("since", "ダイジェスト以降", [Task("J-0001"), Task("J-0002")], [Secretariat, Kita]);
        var services = env.Host.Services;
        await env.References.SetCouncilChannelAsync(new ConversationReference
        {
            TenantId = Tenant, Kind = ConversationKind.Channel, ConversationId = Council, ServiceUrl = env.Connector.ServiceUrl,
            BotId = BotId, TeamId = "19:team@thread.tacv2", UpdatedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
        await services.GetRequiredService<StageOpeningService>().OpenAsync("since", Secretariat, Stage.PreWg, [Subcommittee.WelfareHealth], DateTimeOffset.UtcNow.AddDays(7), CancellationToken.None);
        await services.GetRequiredService<ScheduledRunTrigger>().TriggerAsync(ScheduleKind.Digest, DateTimeOffset.UtcNow, manual: true, Tenant, Secretariat.AadObjectId, CancellationToken.None);
        await env.WaitForAsync(d => d.ConversationId == Council);
        var stored = services.GetRequiredService<ScheduleStore>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await stored.GetLastDigestAtAsync(CancellationToken.None) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the digest's time was never stored");
            await System.Threading.Tasks.Task.Delay(50);
        }

        var answered = await services.GetRequiredService<DecisionService>().AnswerAsync("since", Kita, "J-0001",
            new PreWgAnswer { Decision = PreWgDecision.Keep }, 2, CancellationToken.None);
        Assert.Equal(SubmissionStatus.Accepted, answered.Status);

        await env.PostAsync(chat.Message(Secretariat, "前回のダイジェストから何件回答があった？"));

        var reply = await env.WaitForAsync(d => d.ConversationId == "a:aad-sec" && d.Activity.ToJsonString(Json.Readable).Contains("以降の回答", StringComparison.Ordinal));
        var card = reply.Activity.ToJsonString(Json.Readable);
        Assert.Contains("\"1件\"", card, StringComparison.Ordinal);
        Assert.Contains("J-0001 事務J-0001（プレWG）", card, StringComparison.Ordinal);
        Assert.DoesNotContain("J-0002 事務J-0002", card, StringComparison.Ordinal);
    }
}
