using System.Text.Json.Nodes;
using Consolidation.Bot.Conversations;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Administration;

/// <summary>
/// 担当変更 / reassign and 差し戻し / reopen in chat, against the real bot (in-process), Azurite and a loopback connector:
/// the new assignee gets the card and the old one does not; a send-back clears the answer and the card comes again;
/// every refusal leaves the task as it was; the history says who, from whom, to whom and why.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReassignReopenChatTests(AzuriteFixture azurite)
{
    private const string Tenant = "6b3c1f0e-2d4a-4c8e-9f71-0a5e3d2c1b90";
    private const string BotId = "28:admin-bot";
    private const string ReviewId = "adm";

    private static readonly Member Secretariat = new() { Email = "sec@city.example.jp", Name = "事務局 一郎", Role = MemberRole.Secretariat, AadObjectId = "aad-sec" };
    private static readonly Member Kita = new() { Email = "kita@city.example.jp", Name = "北 区長", Role = MemberRole.Member, Subcommittees = [Subcommittee.WelfareHealth], AadObjectId = "aad-kita" };
    private static readonly Member SatoKenichi = new() { Email = "sato.k@city.example.jp", Name = "佐藤 健一", Role = MemberRole.Member, Subcommittees = [Subcommittee.WelfareHealth], AadObjectId = "aad-sato-k" };
    private static readonly Member SatoHanako = new() { Email = "sato.h@city.example.jp", Name = "佐藤 花子", Role = MemberRole.Member, Subcommittees = [Subcommittee.WelfareHealth], AadObjectId = "aad-sato-h" };

    [Fact]
    public async Task Reassign_TheNewAssigneeGetsTheCard_TheOldOneMovesOn_HistorySaysWho()
    {
        await using var env = await StartAsync();
        await env.WaitForAsync(d => d.ConversationId == "a:aad-kita" && Card(d).Contains("J-0001", StringComparison.Ordinal));

        await env.PostAsync(Message(env, Secretariat, "担当変更 J-0001 佐藤 健一 育児休業のため"));

        var reply = await env.WaitForAsync(d => d.ConversationId == "a:aad-sec" && Text(d).Contains("佐藤 健一", StringComparison.Ordinal));
        await env.WaitForAsync(d => d.ConversationId == "a:aad-sato-k" && Card(d).Contains("J-0001", StringComparison.Ordinal));
        await env.WaitForAsync(d => d.ConversationId == "a:aad-kita" && Card(d).Contains("J-0002", StringComparison.Ordinal));
        Assert.Contains("プレWGの担当を 佐藤 健一 さんに変更しました", Text(reply), StringComparison.Ordinal);
        Assert.Single(env.Connector.Deliveries, d => d.ConversationId == "a:aad-kita" && Card(d).Contains("J-0001", StringComparison.Ordinal));
        var task = (await env.Repository.GetTaskAsync(ReviewId, "J-0001", CancellationToken.None))!.Task;
        Assert.Equal(SatoKenichi.Email, task.AssigneeFor(Stage.PreWg));
        var entry = Assert.Single(await env.Repository.GetHistoryAsync(ReviewId, "J-0001", CancellationToken.None), h => h.Kind == HistoryKind.Reassign);
        Assert.Equal((Kita.Email, SatoKenichi.Email, "育児休業のため", Secretariat.Email), (entry.AssigneeFrom, entry.AssigneeTo, entry.Reason, entry.By));

        // The old card, answered now, is refused: the task moved on (its version) and is no longer theirs.
        var stale = await env.Host.Services.GetRequiredService<DecisionService>().AnswerAsync(ReviewId, Kita, "J-0001",
            new PreWgAnswer { Decision = PreWgDecision.Keep }, cardVersion: task.State.Version - 1, cancellationToken: CancellationToken.None);
        Assert.Equal(SubmissionStatus.Refused, stale.Status);
    }

    [Theory]
    [InlineData("secretariat", "担当変更 J-0001 佐藤", "複数います")]
    [InlineData("secretariat", "担当変更 J-0001 山田", "名簿にいません")]
    [InlineData("secretariat", "担当変更 J-9999 佐藤 健一", "見つかりません")]
    [InlineData("secretariat", "担当変更 J-0001", "使い方")]
    [InlineData("secretariat", "担当変更 J-0001 北 区長", "担当を変更できません")]
    [InlineData("member", "担当変更 J-0001 佐藤 健一", "事務局（市民局）だけ")]
    [InlineData("member", "差し戻し J-0001 理由", "事務局（市民局）だけ")]
    [InlineData("secretariat", "差し戻し J-0001", "理由は必須")]
    [InlineData("secretariat", "差し戻し J-0001 理由", "差し戻せる回答がありません")]
    public async Task Refusals_AreExplained_AndChangeNothing(string who, string command, string expected)
    {
        await using var env = await StartAsync();
        var before = (await env.Repository.GetTaskAsync(ReviewId, "J-0001", CancellationToken.None))!.Task.State;
        var historyBefore = (await env.Repository.GetHistoryAsync(ReviewId, "J-0001", CancellationToken.None)).Count;
        var sender = who == "member" ? Kita : Secretariat;

        await env.PostAsync(Message(env, sender, command));

        var reply = await env.WaitForAsync(d => d.ConversationId == "a:" + sender.AadObjectId && Text(d).Length > 0);
        Assert.Contains(expected, Text(reply), StringComparison.Ordinal);
        var after = (await env.Repository.GetTaskAsync(ReviewId, "J-0001", CancellationToken.None))!.Task.State;
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(historyBefore, (await env.Repository.GetHistoryAsync(ReviewId, "J-0001", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Reopen_ClearsTheAnswer_TheAssigneeGetsTheCardAgain_ReasonInTheHistory()
    {
        await using var env = await StartAsync();
        await env.WaitForAsync(d => d.ConversationId == "a:aad-kita" && Card(d).Contains("J-0001", StringComparison.Ordinal));
        var decisions = env.Host.Services.GetRequiredService<DecisionService>();
        var answered = await decisions.AnswerAsync(ReviewId, Kita, "J-0001", new PreWgAnswer { Decision = PreWgDecision.Exclude, Reason = "対象外" }, 2, CancellationToken.None);
        Assert.Equal(SubmissionStatus.Accepted, answered.Status);
        var cardsBefore = env.Connector.Deliveries.Count(d => d.ConversationId == "a:aad-kita" && Card(d).Contains("J-0001", StringComparison.Ordinal));

        await env.PostAsync(Message(env, Secretariat, "差し戻し j-0001 除外の理由を確認したい"));

        var reply = await env.WaitForAsync(d => d.ConversationId == "a:aad-sec" && Text(d).Contains("差し戻しました", StringComparison.Ordinal));
        await env.WaitForAsync(d => d.ConversationId == "a:aad-kita" && Card(d).Contains("J-0001", StringComparison.Ordinal)
            && env.Connector.Deliveries.Count(x => x.ConversationId == "a:aad-kita" && Card(x).Contains("J-0001", StringComparison.Ordinal)) > cardsBefore);
        Assert.Contains("除外の理由を確認したい", Text(reply), StringComparison.Ordinal);
        var task = (await env.Repository.GetTaskAsync(ReviewId, "J-0001", CancellationToken.None))!.Task;
        Assert.Equal(Stage.PreWg, task.Stage);
        Assert.Null(task.State.PreWg);
        var entry = Assert.Single(await env.Repository.GetHistoryAsync(ReviewId, "J-0001", CancellationToken.None), h => h.Kind == HistoryKind.Reopen);
        Assert.Equal("除外の理由を確認したい", entry.Reason);
    }

    private async Task<InProcessBot> StartAsync()
    {
        var env = await InProcessBot.StartChatBotAsync(azurite, Tenant);
        var services = env.Host.Services;
        var now = DateTimeOffset.UtcNow;
        TaskDefinition Task(string id) => new() { Id = id, Name = "事務" + id, Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth, Assignee = Kita.Email };
        await new ChatReview(env, Tenant, BotId).SeedAsync(ReviewId, "担当変更", [Task("J-0001"), Task("J-0002")], [Secretariat, Kita, SatoKenichi, SatoHanako]);

        var opened = await services.GetRequiredService<StageOpeningService>().OpenAsync(ReviewId, Secretariat, Stage.PreWg, [Subcommittee.WelfareHealth], now.AddDays(7), CancellationToken.None);
        foreach (var email in opened.Assignees)
        {
            await services.GetRequiredService<OutboxClient>().EnqueueAsync(new OutboxMessage { Kind = OutboxMessage.NextCard, ReviewId = ReviewId, TenantId = Tenant, Email = email }, CancellationToken.None);
        }

        return env;
    }

    private static string Card(Testing.ConnectorDelivery d) => d.Activity["attachments"]?.ToJsonString(Json.Readable) ?? "";

    private static string Text(Testing.ConnectorDelivery d) => (string?)d.Activity["text"] ?? "";

    private static JsonObject Message(InProcessBot env, Member from, string text) => new ChatReview(env, Tenant, BotId).Message(from, text);
}
