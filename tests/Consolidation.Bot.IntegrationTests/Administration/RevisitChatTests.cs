using System.Text.Json.Nodes;
using Consolidation.Bot.Cards.Digest;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Administration;

/// <summary>
/// 再検討開始 in chat against the real bot (in-process), Azurite and a loopback connector: exactly the continue-later tasks
/// with that trigger begin round 2 at 適否, their assignees get cards showing how round 1 ended, an answer in round 2 is
/// stored; the review's funnel stays round 1's, the digest and the export count the round apart; refusals change nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RevisitChatTests(AzuriteFixture azurite)
{
    private const string Tenant = "6b3c1f0e-2d4a-4c8e-9f71-0a5e3d2c1b90";
    private const string BotId = "28:revisit-bot";
    private const string ReviewId = "rev";

    private static readonly Member Secretariat = new() { Email = "sec@city.example.jp", Name = "事務局 一郎", Role = MemberRole.Secretariat, AadObjectId = "aad-sec" };
    private static readonly Member Kita = new() { Email = "kita@city.example.jp", Name = "北 区長", Role = MemberRole.Member, Subcommittees = [Subcommittee.WelfareHealth], AadObjectId = "aad-kita" };
    private static readonly Member Minami = new() { Email = "minami@city.example.jp", Name = "南 区長", Role = MemberRole.Member, Subcommittees = [Subcommittee.LivingSafety], AadObjectId = "aad-minami" };

    /// <summary>Task id → (assignee, 適否 outcome, trigger).</summary>
    private static readonly (string Id, Member Assignee, SuitabilityDecision Decision, RevisitTrigger? Trigger)[] Plan =
    [
        ("J-0001", Kita, SuitabilityDecision.ContinueLater, RevisitTrigger.StandardizationBpr),
        ("J-0002", Kita, SuitabilityDecision.ContinueLater, RevisitTrigger.StandardizationBpr),
        ("J-0003", Kita, SuitabilityDecision.ContinueLater, RevisitTrigger.RuleChange),
        ("J-0004", Kita, SuitabilityDecision.Done, null),
        ("J-0005", Minami, SuitabilityDecision.ContinueLater, RevisitTrigger.StandardizationBpr),
    ];

    [Fact]
    public async Task Revisit_ExactlyTheTasksWithThatTrigger_Round2_CardsShowRound1_FunnelStaysRound1s()
    {
        await using var env = await StartAsync();
        var funnelBefore = ReviewQueries.Funnel((await env.Repository.LoadAsync(ReviewId, CancellationToken.None))!.Tasks);
        var unchanged = await StatesAsync(env, "J-0003", "J-0004");
        var deadline = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await env.PostAsync(Message(env, Secretariat, $"再検討開始 標準化BPR {deadline}"));

        var reply = await env.WaitForAsync(d => d.ConversationId == "a:aad-sec" && Text(d).Contains("再検討を開始しました", StringComparison.Ordinal));
        Assert.Contains("適否に第2回として 3件（くらし・安全・防災部会 1、福祉・健康部会 2）", Text(reply), StringComparison.Ordinal);
        var snapshot = (await env.Repository.LoadAsync(ReviewId, CancellationToken.None))!;
        Assert.Equal(["J-0001", "J-0002", "J-0005"], snapshot.Tasks.Where(t => t.State.Round == 2).Select(t => t.Id).Order(StringComparer.Ordinal));
        Assert.All(snapshot.Tasks.Where(t => t.State.Round == 2), t => Assert.Equal((Stage.Suitability, (StageOutcome?)null), (t.Stage, t.State.Suitability)));
        Assert.Equal(unchanged, await StatesAsync(env, "J-0003", "J-0004"));
        Assert.Equal(funnelBefore, ReviewQueries.Funnel(snapshot.Tasks));
        Assert.True(snapshot.WindowFor(Stage.Suitability, Subcommittee.LivingSafety)!.IsOpen);
        var entry = Assert.Single(await env.Repository.GetHistoryAsync(ReviewId, "J-0001", CancellationToken.None), h => h.Kind == HistoryKind.RoundStarted);
        Assert.Equal((Secretariat.Email, "第2回（きっかけ: システム標準化のBPR）"), (entry.By, entry.Reason));

        // Both assignees get the round-2 card, which shows how round 1 ended.
        var card = await env.WaitForAsync(d => d.ConversationId == "a:aad-kita" && Card(d).Contains("第2回", StringComparison.Ordinal) && Card(d).Contains("J-0001", StringComparison.Ordinal));
        Assert.Contains("第1回: 引き続き検討予定（きっかけ: システム標準化のBPR）", Card(card), StringComparison.Ordinal);
        await env.WaitForAsync(d => d.ConversationId == "a:aad-minami" && Card(d).Contains("第2回", StringComparison.Ordinal) && Card(d).Contains("J-0005", StringComparison.Ordinal));

        // 北 区長 answers round 2: stored; the funnel is still round 1's, the digest and the export count round 2 apart.
        var data = card.Activity["attachments"]![0]!["content"]!["actions"]!.AsArray().First(a => (string?)a!["verb"] == "submitAnswer")!["data"]!.DeepClone().AsObject();
        data["decision"] = "Done";
        data["staffingBudget"] = "委託費 年300万円";
        var answered = await env.InvokeAsync(new ChatReview(env, Tenant, BotId).Invoke(Kita, "submitAnswer", data));
        Assert.Contains("回答を受け付けました", JsonNode.Parse(answered)!.ToJsonString(Json.Readable), StringComparison.Ordinal);
        snapshot = (await env.Repository.LoadAsync(ReviewId, CancellationToken.None))!;
        Assert.Equal(funnelBefore, ReviewQueries.Funnel(snapshot.Tasks));
        Assert.Equal(new RoundFigures(2, 3, 2, 1, 0, 0, 0), Assert.Single(RoundFigures.Of(snapshot.Tasks)));
        var digest = Consolidation.Bot.Cards.Model.CardJsonContext.ToElement(DigestCard.Build(DigestComposer.Compose(snapshot, DateTimeOffset.UtcNow, TimeZoneInfo.Utc, null, new BotText(BotCultures.Japanese)))).ToString();
        Assert.Contains("第2回: 3件（回答待ち 2・集約化等実施済 1・引き続き検討予定 0・検討終了 0・WGで検討対象としない 0）", digest, StringComparison.Ordinal);
        var export = await ExportedTasks.FromExporterAsync(env.Host.Services, ReviewId);
        Assert.Equal("2", export.Cell("J-0001", "回"));
        Assert.Equal("第1回: 引き続き検討予定（システム標準化のBPR）", export.Cell("J-0001", "前回の判断"));
        Assert.Equal("集約化等実施済", export.Cell("J-0001", "判断"));
    }

    [Theory]
    [InlineData("member", "再検討開始 標準化BPR 2099-03-31", "事務局（市民局）だけ")]
    [InlineData("secretariat", "再検討開始 DX 2099-03-31", "きっかけが「DX全体の進展」の引き続き検討予定の事務はありません")]
    [InlineData("secretariat", "再検討開始 2099-03-31", "きっかけ（標準化BPR・制度変更・DX・状況変化・日付）が分かりませんでした")]
    [InlineData("secretariat", "再検討開始 標準化BPR 2020-03-31", "期限が過去の日付です")]
    [InlineData("secretariat", "再検討開始 標準化BPR 2099-03-31 プレWG", "プレWGからは始められません")]
    public async Task Refusals_AreExplained_AndChangeNothing(string who, string command, string expected)
    {
        await using var env = await StartAsync();
        var before = await StatesAsync(env, [.. Plan.Select(p => p.Id)]);
        var sender = who == "member" ? Kita : Secretariat;

        await env.PostAsync(Message(env, sender, command));

        var reply = await env.WaitForAsync(d => d.ConversationId == "a:" + sender.AadObjectId && Text(d).Length > 0);
        Assert.Contains(expected, Text(reply), StringComparison.Ordinal);
        Assert.Equal(before, await StatesAsync(env, [.. Plan.Select(p => p.Id)]));
    }

    /// <summary>The review with every task through 適否 as planned, answered by the rules (no cards are sent: the stages are opened directly).</summary>
    private async Task<InProcessBot> StartAsync()
    {
        var env = await InProcessBot.StartChatBotAsync(azurite, Tenant);
        var services = env.Host.Services;
        var tasks = Plan.Select(p => new TaskDefinition
        {
            Id = p.Id, Name = "事務" + p.Id, Bureau = "福祉局", Assignee = p.Assignee.Email,
            Subcommittee = p.Assignee == Minami ? Subcommittee.LivingSafety : Subcommittee.WelfareHealth,
        }).ToList();
        await new ChatReview(env, Tenant, BotId).SeedAsync(ReviewId, "再検討", tasks, [Secretariat, Kita, Minami]);
        var opening = services.GetRequiredService<StageOpeningService>();
        var decisions = services.GetRequiredService<DecisionService>();
        var all = new[] { Subcommittee.WelfareHealth, Subcommittee.LivingSafety };
        foreach (var (stage, answer) in new (Stage, Func<(string Id, Member Assignee, SuitabilityDecision Decision, RevisitTrigger? Trigger), StageAnswer>)[]
        {
            (Stage.PreWg, _ => new PreWgAnswer { Decision = PreWgDecision.Keep }),
            (Stage.Wg, _ => new WgAnswer { Decision = WgDecision.StudyTarget }),
            (Stage.Suitability, p => new SuitabilityAnswer { Decision = p.Decision, Trigger = p.Trigger, Reason = p.Trigger is null ? null : "移行計画を待つ" }),
        })
        {
            await opening.OpenAsync(ReviewId, Secretariat, stage, all, DateTimeOffset.UtcNow.AddDays(7), CancellationToken.None);
            foreach (var p in Plan)
            {
                var version = (await env.Repository.GetTaskAsync(ReviewId, p.Id, CancellationToken.None))!.Task.State.Version;
                Assert.Equal(SubmissionStatus.Accepted, (await decisions.AnswerAsync(ReviewId, p.Assignee, p.Id, answer(p), version, CancellationToken.None)).Status);
            }
        }

        await opening.CloseAsync(ReviewId, Secretariat, Stage.Suitability, all, CancellationToken.None);
        return env;
    }

    private static async Task<List<TaskState>> StatesAsync(InProcessBot env, params string[] ids)
    {
        var states = new List<TaskState>();
        foreach (var id in ids)
        {
            states.Add((await env.Repository.GetTaskAsync(ReviewId, id, CancellationToken.None))!.Task.State);
        }

        return states;
    }

    private static string Card(Testing.ConnectorDelivery d) => d.Activity["attachments"]?.ToJsonString(Json.Readable) ?? "";

    private static string Text(Testing.ConnectorDelivery d) => (string?)d.Activity["text"] ?? "";

    private static JsonObject Message(InProcessBot env, Member from, string text) => new ChatReview(env, Tenant, BotId).Message(from, text);
}
