using System.Text.Json.Nodes;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Review;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Questionnaire;

/// <summary>
/// The プレWG batch card against the real bot (in-process), Azurite and a loopback connector: a ward head with many tasks
/// gets ten at a time, one with a single task the detailed card; an input error stores nothing; a task that changed or
/// was handed to someone else is refused alone and the rest are stored, each with its own history entry; the next card
/// brings the rows left blank; a redelivered submit stores nothing twice.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BatchCardTests(AzuriteFixture azurite)
{
    private const string Tenant = "6b3c1f0e-2d4a-4c8e-9f71-0a5e3d2c1b90";
    private const string BotId = "28:batch-bot";
    private const string ReviewId = "batch";

    private static readonly Member Secretariat = new() { Email = "sec@city.example.jp", Name = "事務局 一郎", Role = MemberRole.Secretariat, AadObjectId = "aad-sec" };
    private static readonly Member Kita = new() { Email = "kita@city.example.jp", Name = "北 区長", Role = MemberRole.Member, Subcommittees = [Subcommittee.WelfareHealth], AadObjectId = "aad-kita" };
    private static readonly Member Minami = new() { Email = "minami@city.example.jp", Name = "南 区長", Role = MemberRole.Member, Subcommittees = [Subcommittee.WelfareHealth], AadObjectId = "aad-minami" };

    [Fact]
    public async Task BatchSubmit_StoresEachRowOnItsOwn_RefusesChangedRowsAlone_NextCardBringsTheRest()
    {
        await using var env = await StartAsync();
        var first = await env.WaitForAsync(d => d.ConversationId == "a:aad-kita" && Card(d).Contains("submitBatch", StringComparison.Ordinal));
        var data = SubmitData(first);
        Assert.Equal(Enumerable.Range(1, 10).Select(Id), Rows(data));

        // 南 区長 has one task: the detailed card, not a batch.
        var single = await env.WaitForAsync(d => d.ConversationId == "a:aad-minami" && Card(d).Contains("submitAnswer", StringComparison.Ordinal));
        Assert.DoesNotContain("submitBatch", Card(single), StringComparison.Ordinal);

        // Meanwhile J-0002 is answered on its own card and J-0003 is handed to 南 区長.
        var decisions = env.Host.Services.GetRequiredService<DecisionService>();
        var version = (await env.Repository.GetTaskAsync(ReviewId, Id(2), CancellationToken.None))!.Task.State.Version;
        Assert.Equal(SubmissionStatus.Accepted, (await decisions.AnswerAsync(ReviewId, Kita, Id(2), new PreWgAnswer { Decision = PreWgDecision.Keep }, version, CancellationToken.None)).Status);
        Assert.Equal(SubmissionStatus.Accepted, (await decisions.ReassignAsync(ReviewId, Secretariat, Id(3), Stage.PreWg, Minami, "応援", CancellationToken.None)).Status);

        // An input error (excluding without a reason): the same card back, nothing stored.
        var invalid = Answer(data, (0, "Keep", null), (4, "Exclude", null));
        var before = await StatesAsync(env);
        var refused = await env.InvokeAsync(Invoke(env, invalid));
        Assert.Contains("submitBatch", refused, StringComparison.Ordinal);
        Assert.Contains("理由を入力してください", Unescaped(refused), StringComparison.Ordinal);
        Assert.Contains("入力内容に1件の問題があります", Unescaped(refused), StringComparison.Ordinal);
        Assert.Equal(before, await StatesAsync(env));

        var valid = Answer(data, (0, "Keep", null), (1, "Keep", null), (2, "Exclude", "所管局で実施"), (3, "Keep", null), (4, "Exclude", "窓口での対面対応が必要"),
            (5, "Keep", "短い理由"), (6, "Keep", null), (7, "Exclude", "法令で区長の権限"), (8, "Keep", null));
        var historyBefore = await HistoryCountAsync(env);
        var result = Unescaped(await env.InvokeAsync(Invoke(env, valid)));

        Assert.Contains("7件の回答を保存しました", result, StringComparison.Ordinal);
        Assert.Contains("保存できなかった事務が2件", result, StringComparison.Ordinal);
        Assert.Contains($"{Id(2)} 事務{Id(2)}: このカードを送った後に内容が変わった", result, StringComparison.Ordinal);
        Assert.Contains($"{Id(3)} 事務{Id(3)}: あなたの担当ではなくなった", result, StringComparison.Ordinal);
        Assert.Contains($"{Id(10)} 事務{Id(10)}: 未回答", result, StringComparison.Ordinal);
        Assert.Equal(historyBefore + 7, await HistoryCountAsync(env));
        var kept = (await env.Repository.GetTaskAsync(ReviewId, Id(1), CancellationToken.None))!.Task;
        Assert.Equal(Stage.Wg, kept.Stage);
        Assert.True(((PreWgAnswer)kept.State.PreWg!.Answer).Rough);
        var excluded = (await env.Repository.GetTaskAsync(ReviewId, Id(5), CancellationToken.None))!.Task;
        Assert.Equal((Stage.Closed, "窓口での対面対応が必要"), (excluded.Stage, ((PreWgAnswer)excluded.State.PreWg!.Answer).Reason));
        var handedOver = (await env.Repository.GetTaskAsync(ReviewId, Id(3), CancellationToken.None))!.Task;
        Assert.Equal((Stage.PreWg, Minami.Email), (handedOver.Stage, handedOver.AssigneeFor(Stage.PreWg)));
        Assert.Single(await env.Repository.GetHistoryAsync(ReviewId, Id(7), CancellationToken.None), h => h.Kind == HistoryKind.Answer && h.By == Kita.Email);

        // The next card: the row left blank first, then the next tasks.
        var next = await env.WaitForAsync(d => d.ConversationId == "a:aad-kita" && Card(d).Contains("submitBatch", StringComparison.Ordinal) && d != first);
        Assert.Equal([Id(10), .. Enumerable.Range(11, 9).Select(Id)], Rows(SubmitData(next)));

        // Teams redelivers the submit: nothing stored twice, the same result.
        var again = Unescaped(await env.InvokeAsync(Invoke(env, valid)));
        Assert.Contains("7件の回答を保存しました", again, StringComparison.Ordinal);
        Assert.Equal(historyBefore + 7, await HistoryCountAsync(env));
    }

    [Fact]
    public async Task NothingChosen_Or_ACardNotOurs_RefusedWithASentence_NothingStored()
    {
        await using var env = await StartAsync();
        var first = await env.WaitForAsync(d => d.ConversationId == "a:aad-kita" && Card(d).Contains("submitBatch", StringComparison.Ordinal));
        var before = await StatesAsync(env);

        var nothing = Unescaped(await env.InvokeAsync(Invoke(env, SubmitData(first))));
        Assert.Contains("どの事務も選ばれていません", nothing, StringComparison.Ordinal);

        var forged = SubmitData(first);
        forged["tasks"] = "J-0001@x";
        Assert.Contains("読み取れませんでした", Unescaped(await env.InvokeAsync(Invoke(env, forged))), StringComparison.Ordinal);

        // Someone else's batch (南 区長 submitting 北 区長's card): every row refused as not theirs.
        var others = Answer(SubmitData(first), (0, "Keep", null));
        var result = Unescaped(await env.InvokeAsync(new ChatReview(env, Tenant, BotId).Invoke(Minami, "submitBatch", others)));
        Assert.Contains("0件の回答を保存しました", result, StringComparison.Ordinal);
        Assert.Contains("あなたの担当ではなくなった", result, StringComparison.Ordinal);

        // Someone not in the review at all (an Entra object id nobody was imported with): refused before any task is named.
        var stranger = new Member { Email = "stranger@city.example.jp", Name = "部外者", AadObjectId = "aad-stranger" };
        var refused = Unescaped(await env.InvokeAsync(new ChatReview(env, Tenant, BotId).Invoke(stranger, "submitBatch", others)));
        Assert.Contains("参加者として登録されている方だけ", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("J-0001", refused, StringComparison.Ordinal);
        Assert.Equal(before, await StatesAsync(env));
    }

    [Fact]
    public async Task Setting_PreWgModeBatch_IsTheDefaultWhenTheOpeningDoesNotSay()
    {
        await using var env = await InProcessBot.StartChatBotAsync(azurite, Tenant, ("Review:PreWgMode", "batch"));
        TaskDefinition Task(int n) => new() { Id = Id(n), Name = "事務" + Id(n), Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth, Assignee = Kita.Email };
        await new ChatReview(env, Tenant, BotId).SeedAsync(ReviewId, "一括", [Task(1), Task(2), Task(3)], [Secretariat, Kita]);

        await env.PostAsync(new ChatReview(env, Tenant, BotId).Message(Secretariat, "プレWG開始 福祉 " + DateTime.UtcNow.AddDays(9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

        var card = await env.WaitForAsync(d => d.ConversationId == "a:aad-kita" && Card(d).Contains("submitBatch", StringComparison.Ordinal));
        Assert.Equal([Id(1), Id(2), Id(3)], Rows(SubmitData(card)));
        Assert.Equal(PreWgCardMode.Batch, (await env.Repository.GetWindowAsync(ReviewId, Stage.PreWg, Subcommittee.WelfareHealth, CancellationToken.None))!.CardMode);
    }

    private static string Id(int n) => $"J-{n:0000}";

    private async Task<InProcessBot> StartAsync()
    {
        var env = await InProcessBot.StartChatBotAsync(azurite, Tenant);
        var services = env.Host.Services;
        TaskDefinition Task(int n, Member assignee) => new() { Id = Id(n), Name = "事務" + Id(n), Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth, Assignee = assignee.Email };
        await new ChatReview(env, Tenant, BotId).SeedAsync(ReviewId, "一括", [.. Enumerable.Range(1, 25).Select(n => Task(n, Kita)), Task(100, Minami)], [Secretariat, Kita, Minami]);

        var opened = await services.GetRequiredService<StageOpeningService>().OpenAsync(ReviewId, Secretariat, Stage.PreWg, [Subcommittee.WelfareHealth],
            DateTimeOffset.UtcNow.AddDays(7), PreWgCardMode.Batch, CancellationToken.None);
        foreach (var email in opened.Assignees)
        {
            await services.GetRequiredService<OutboxClient>().EnqueueAsync(new OutboxMessage { Kind = OutboxMessage.NextCard, ReviewId = ReviewId, TenantId = Tenant, Email = email }, CancellationToken.None);
        }

        return env;
    }

    private static JsonObject SubmitData(Testing.ConnectorDelivery d) =>
        d.Activity["attachments"]![0]!["content"]!["actions"]!.AsArray().First(a => (string?)a!["verb"] == "submitBatch")!["data"]!.DeepClone().AsObject();

    private static List<string> Rows(JsonObject data) =>
        [.. ((string)data["tasks"]!).Split(',').Select(r => Uri.UnescapeDataString(r[..r.LastIndexOf('@')]))];

    private static JsonObject Answer(JsonObject data, params (int Row, string Decision, string? Reason)[] rows)
    {
        var answer = data.DeepClone().AsObject();
        foreach (var (row, decision, reason) in rows)
        {
            answer[$"row{row}Decision"] = decision;
            if (reason is not null)
            {
                answer[$"row{row}Reason"] = reason;
            }
        }

        return answer;
    }

    private static JsonObject Invoke(InProcessBot env, JsonObject data) => new ChatReview(env, Tenant, BotId).Invoke(Kita, "submitBatch", data);

    private static async Task<List<(string, int, Stage)>> StatesAsync(InProcessBot env) =>
        [.. (await env.Repository.LoadAsync(ReviewId, CancellationToken.None))!.Tasks.Select(t => (t.Id, t.State.Version, t.Stage)).OrderBy(t => t.Id, StringComparer.Ordinal)];

    private static async Task<int> HistoryCountAsync(InProcessBot env)
    {
        var count = 0;
        foreach (var n in Enumerable.Range(1, 25))
        {
            count += (await env.Repository.GetHistoryAsync(ReviewId, Id(n), CancellationToken.None)).Count;
        }

        return count;
    }

    private static string Card(Testing.ConnectorDelivery d) => d.Activity["attachments"]?.ToJsonString(Json.Readable) ?? "";

    private static string Unescaped(string json) => JsonNode.Parse(json)!.ToJsonString(Json.Readable);
}
