using System.Text.Json.Nodes;
using Consolidation.Bot.Cards.Digest;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Questionnaire;

/// <summary>
/// The bureau in charge at WG against the real bot (in-process), Azurite and a loopback connector: when WG opens, the
/// bureau's contact gets a card for each of its tasks; the view is recorded beside the 担当区長's decision without making
/// their card stale; a second contact of the bureau is shown the view already given; someone of another bureau is
/// refused; the status answer, the digest and the export show both.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BureauViewTests(AzuriteFixture azurite)
{
    private const string Tenant = "6b3c1f0e-2d4a-4c8e-9f71-0a5e3d2c1b90";
    private const string BotId = "28:bureau-bot";
    private const string ReviewId = "bureau";

    private static readonly Member Secretariat = new() { Email = "sec@city.example.jp", Name = "事務局 一郎", Role = MemberRole.Secretariat, AadObjectId = "aad-sec" };
    private static readonly Member Kita = new() { Email = "kita@city.example.jp", Name = "北 区長", Role = MemberRole.Member, Subcommittees = [Subcommittee.WelfareHealth], AadObjectId = "aad-kita" };
    private static readonly Member Fukushi = new() { Email = "fukushi@city.example.jp", Name = "福祉局 担当", Role = MemberRole.Bureau, Bureau = "福祉局", AadObjectId = "aad-fukushi" };
    private static readonly Member Fukushi2 = new() { Email = "fukushi2@city.example.jp", Name = "福祉局 副担当", Role = MemberRole.Bureau, Bureau = "福祉局", AadObjectId = "aad-fukushi2" };
    private static readonly Member Kodomo = new() { Email = "kodomo@city.example.jp", Name = "こども局 担当", Role = MemberRole.Bureau, Bureau = "こども青少年局", AadObjectId = "aad-kodomo" };

    [Fact]
    public async Task BureauView_BesideTheWardHeadsDecision_TheirCardStaysCurrent_StatusDigestExportShowBoth()
    {
        await using var env = await StartAsync();
        var wardHeadCard = await env.WaitForAsync(d => d.ConversationId == "a:aad-kita" && Card(d).Contains("submitAnswer", StringComparison.Ordinal) && Card(d).Contains("J-0001", StringComparison.Ordinal));
        var bureauCard = await env.WaitForAsync(d => d.ConversationId == "a:aad-fukushi" && Card(d).Contains("submitBureauView", StringComparison.Ordinal));
        Assert.Contains("J-0001", Card(bureauCard), StringComparison.Ordinal);
        Assert.Contains("北 区長", Card(bureauCard), StringComparison.Ordinal);
        Assert.DoesNotContain(env.Connector.Deliveries, d => d.ConversationId == "a:aad-kodomo" && Card(d).Contains("submitBureauView", StringComparison.Ordinal));

        // Someone of another bureau: refused, nothing stored.
        var data = Data(bureauCard, "submitBureauView");
        data["bureauView"] = "Issues";
        data["bureauComment"] = "システム改修が前提";
        var before = (await env.Repository.GetTaskAsync(ReviewId, "J-0001", CancellationToken.None))!.Task.State;
        var refused = await env.InvokeAsync(Chat(env).Invoke(Kodomo, "submitBureauView", data));
        Assert.DoesNotContain("submitBureauView", refused, StringComparison.Ordinal);
        Assert.Equal(before, (await env.Repository.GetTaskAsync(ReviewId, "J-0001", CancellationToken.None))!.Task.State);

        // Someone not in the review at all: refused before the task is named, nothing stored.
        var stranger = new Member { Email = "stranger@city.example.jp", Name = "部外者", AadObjectId = "aad-stranger" };
        var strange = Unescaped(await env.InvokeAsync(Chat(env).Invoke(stranger, "submitBureauView", data)));
        Assert.Contains("参加者として登録されている方だけ", strange, StringComparison.Ordinal);
        Assert.Equal(before, (await env.Repository.GetTaskAsync(ReviewId, "J-0001", CancellationToken.None))!.Task.State);

        // The contact's view: stored beside, version unchanged; the next card is the bureau's next task.
        var answered = Unescaped(await env.InvokeAsync(Chat(env).Invoke(Fukushi, "submitBureauView", data)));
        Assert.Contains("課題あり", answered, StringComparison.Ordinal);
        var task = (await env.Repository.GetTaskAsync(ReviewId, "J-0001", CancellationToken.None))!.Task;
        Assert.Equal((before.Version, BureauView.Issues), (task.State.Version, ((BureauViewAnswer)task.State.BureauView!.Answer).View));
        Assert.Single(await env.Repository.GetHistoryAsync(ReviewId, "J-0001", CancellationToken.None), h => h.Kind == HistoryKind.BureauView && h.By == Fukushi.Email);
        await env.WaitForAsync(d => d.ConversationId == "a:aad-fukushi" && Card(d).Contains("submitBureauView", StringComparison.Ordinal) && Card(d).Contains("J-0002", StringComparison.Ordinal));

        // The second contact of the bureau, on their own card of the same task: the view already given, nothing stored twice.
        var again = Unescaped(await env.InvokeAsync(Chat(env).Invoke(Fukushi2, "submitBureauView", data)));
        Assert.Contains("福祉局 担当", again, StringComparison.Ordinal);
        Assert.Single(await env.Repository.GetHistoryAsync(ReviewId, "J-0001", CancellationToken.None), h => h.Kind == HistoryKind.BureauView);

        // Teams redelivers the contact's view: a duplicate, told by the state (this round's view is theirs); the same
        // view from the other contact is a refusal. Neither writes a row.
        var decisions = env.Host.Services.GetRequiredService<DecisionService>();
        var view = new BureauViewAnswer { View = BureauView.Issues, Comment = "システム改修が前提" };
        var rowsBefore = await env.Repository.GetHistoryAsync(ReviewId, null, CancellationToken.None);
        Assert.Equal(SubmissionStatus.Duplicate, (await decisions.RecordBureauViewAsync(ReviewId, Fukushi, "J-0001", view, task.State.Round, CancellationToken.None)).Status);
        Assert.Equal(SubmissionStatus.Refused, (await decisions.RecordBureauViewAsync(ReviewId, Fukushi2, "J-0001", view, task.State.Round, CancellationToken.None)).Status);
        Assert.Equal(rowsBefore.Count, (await env.Repository.GetHistoryAsync(ReviewId, null, CancellationToken.None)).Count);
        Assert.Equal(task.State, (await env.Repository.GetTaskAsync(ReviewId, "J-0001", CancellationToken.None))!.Task.State);

        // The 担当区長's card, sent before the view, is still current: their decision is stored next to it.
        var wg = Data(wardHeadCard, "submitAnswer");
        wg["decision"] = "StudyTarget";
        wg["destinationNote"] = "福祉局の事務センター";
        Assert.Contains("回答を受け付けました", Unescaped(await env.InvokeAsync(Chat(env).Invoke(Kita, "submitAnswer", wg))), StringComparison.Ordinal);
        task = (await env.Repository.GetTaskAsync(ReviewId, "J-0001", CancellationToken.None))!.Task;
        Assert.Equal((Stage.Suitability, WgDecision.StudyTarget, BureauView.Issues), (task.Stage, ((WgAnswer)task.State.Wg!.Answer).Decision, ((BureauViewAnswer)task.State.BureauView!.Answer).View));

        // Status, digest and export show both.
        await env.PostAsync(Chat(env).Message(Secretariat, "J-0001の状況は？"));
        var status = await env.WaitForAsync(d => d.ConversationId == "a:aad-sec" && Card(d).Contains("所管部局の見解", StringComparison.Ordinal));
        Assert.Contains("検討対象とする", Card(status), StringComparison.Ordinal);
        Assert.Contains("課題あり", Card(status), StringComparison.Ordinal);
        var snapshot = (await env.Repository.LoadAsync(ReviewId, CancellationToken.None))!;
        var digest = Consolidation.Bot.Cards.Model.CardJsonContext.ToElement(DigestCard.Build(DigestComposer.Compose(snapshot, DateTimeOffset.UtcNow, TimeZoneInfo.Utc, null, new BotText(BotCultures.Japanese)))).ToString();
        Assert.Contains("集約化等に同意 0件・課題あり 1件・一部なら集約化等が可能 0件・見解待ち 1件", digest, StringComparison.Ordinal);
        var export = await ExportedTasks.FromExporterAsync(env.Host.Services, ReviewId);
        Assert.Equal(("検討対象とする", "課題あり（システム改修が前提）"), (export.Cell("J-0001", "判断"), export.Cell("J-0001", "所管部局の見解")));
    }

    [Fact]
    public async Task BureauView_MissingComment_SameCardWithTheError_NothingStored()
    {
        await using var env = await StartAsync();
        var bureauCard = await env.WaitForAsync(d => d.ConversationId == "a:aad-fukushi" && Card(d).Contains("submitBureauView", StringComparison.Ordinal));
        var data = Data(bureauCard, "submitBureauView");
        data["bureauView"] = "Partial";
        var before = (await env.Repository.GetTaskAsync(ReviewId, "J-0001", CancellationToken.None))!.Task.State;

        var response = Unescaped(await env.InvokeAsync(Chat(env).Invoke(Fukushi, "submitBureauView", data)));

        Assert.Contains("submitBureauView", response, StringComparison.Ordinal);
        Assert.Contains("理由を入力してください", response, StringComparison.Ordinal);
        Assert.Equal(before, (await env.Repository.GetTaskAsync(ReviewId, "J-0001", CancellationToken.None))!.Task.State);
    }

    /// <summary>Two 福祉局 tasks kept at プレWG, then WG opened through the secretariat's service: the 担当区長 and both contacts of the bureau are queued cards.</summary>
    private async Task<InProcessBot> StartAsync()
    {
        var env = await InProcessBot.StartChatBotAsync(azurite, Tenant);
        var services = env.Host.Services;
        TaskDefinition Task(string id, string bureau) => new() { Id = id, Name = "事務" + id, Bureau = bureau, Subcommittee = Subcommittee.WelfareHealth, Assignee = Kita.Email };
        await Chat(env).SeedAsync(ReviewId, "所管部局", [Task("J-0001", "福祉局"), Task("J-0002", "福祉局")], [Secretariat, Kita, Fukushi, Fukushi2, Kodomo]);
        var stages = services.GetRequiredService<StageAdministration>();
        await services.GetRequiredService<StageOpeningService>().OpenAsync(ReviewId, Secretariat, Stage.PreWg, [Subcommittee.WelfareHealth], DateTimeOffset.UtcNow.AddDays(7), CancellationToken.None);
        foreach (var id in new[] { "J-0001", "J-0002" })
        {
            var version = (await env.Repository.GetTaskAsync(ReviewId, id, CancellationToken.None))!.Task.State.Version;
            await services.GetRequiredService<DecisionService>().AnswerAsync(ReviewId, Kita, id, new PreWgAnswer { Decision = PreWgDecision.Keep }, version, CancellationToken.None);
        }

        var opened = await stages.OpenAsync(ReviewId, Secretariat, Stage.Wg, [Subcommittee.WelfareHealth], DateTimeOffset.UtcNow.AddDays(14), null, Tenant, CancellationToken.None);
        Assert.Equal([Fukushi2.Email, Fukushi.Email, Kita.Email], opened.Assignees.Order(StringComparer.Ordinal));
        return env;
    }

    private static ChatReview Chat(InProcessBot env) => new(env, Tenant, BotId);

    private static JsonObject Data(Testing.ConnectorDelivery d, string verb) =>
        d.Activity["attachments"]![0]!["content"]!["actions"]!.AsArray().First(a => (string?)a!["verb"] == verb)!["data"]!.DeepClone().AsObject();

    private static string Card(Testing.ConnectorDelivery d) => d.Activity["attachments"]?.ToJsonString(Json.Readable) ?? "";

    private static string Unescaped(string json) => JsonNode.Parse(json)!.ToJsonString(Json.Readable);
}
