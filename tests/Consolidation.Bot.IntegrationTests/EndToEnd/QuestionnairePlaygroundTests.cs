using System.Text.Json.Nodes;
using Consolidation.Bot.Cli;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.EndToEnd;

/// <summary>
/// The questionnaire through the real Playground: the secretariat (the Playground's current user, also assignee of
/// five 福祉・健康 tasks in the demo review) opens pre-WG in chat, gets her first card from the outbox, answers it by
/// Action.Execute; wrong input, another user's answer and a double submit are handled.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public class QuestionnairePlaygroundTests(PlaygroundFixture fixture)
{
    private PlaygroundClient Playground => fixture.Playground;
    private ConversationStream Stream => fixture.Stream;

    private static bool IsQuestionnaire(JsonObject f) =>
        (string?)f["action"] == "createMessage" && (string?)f["actionConversationId"] == PlaygroundIds.PersonalChatId
        && Card(f)?.ToJsonString(Json.Readable).Contains("submitAnswer", StringComparison.Ordinal) == true;

    private static JsonNode? Card(JsonObject f) => Frames.CardOf(f);

    private static JsonObject SubmitData(JsonNode card)
    {
        var actions = card["actions"]!.AsArray();
        var submit = actions.First(a => (string?)a!["verb"] == "submitAnswer")!;
        return submit["data"]!.DeepClone().AsObject();
    }

    [Fact]
    public async Task AnswerByActionSubmit_OlderClient_StoredAndCardMessageUpdated()
    {
        var mark = Stream.Mark();
        var reviewId = await LoadDemoAndOpenPreWgAsync(mark);
        var first = await Stream.WaitForAsync(f => IsQuestionnaire(f) && Frames.CardText(f).Contains("1件目", StringComparison.Ordinal), mark, TimeSpan.FromSeconds(30));
        var data = SubmitData(Card(first)!);
        var taskId = (string)data["taskId"]!;
        var messageId = (string)first["message"]!["messageId"]!;
        foreach (var (k, v) in new Dictionary<string, string> { ["routine"] = "false", ["highLevelNegotiation"] = "true", ["paperOrVisit"] = "false", ["businessesServed"] = "false", ["migrationEffect"] = "Unknown", ["decision"] = "Exclude", ["reason"] = "高度な折衝が必要なため" })
        {
            data[k] = v;
        }

        var updateMark = Stream.Mark();
        await Playground.SubmitAsync(PlaygroundIds.PersonalChatId, messageId, PlaygroundIds.CurrentUserId, data);

        var update = await Stream.WaitForAsync(f => (string?)f["action"] == "updateMessage" && (string?)f["message"]?["messageId"] == messageId, updateMark, TimeSpan.FromSeconds(20));
        Assert.Contains("回答を受け付けました", Frames.CardText(update), StringComparison.Ordinal);
        await Stream.WaitForAsync(f => IsQuestionnaire(f) && Frames.CardText(f).Contains("2件目", StringComparison.Ordinal), updateMark, TimeSpan.FromSeconds(30));
        var repository = fixture.Services.GetRequiredService<ReviewRepository>();
        var stored = (await repository.GetTaskAsync(reviewId, taskId, CancellationToken.None))!.Task;
        Assert.Equal(Stage.Closed, stored.Stage);
        Assert.Equal("高度な折衝が必要なため", ((PreWgAnswer)stored.State.PreWg!.Answer).Reason);

        // 私の担当: the four tasks still open, the answered one no longer listed, each with a button to answer it.
        var listMark = Stream.Mark();
        await Playground.SendMessageAsync(PlaygroundIds.PersonalChatId, "私の担当");
        var list = await Stream.WaitForAsync(f => (string?)f["action"] == "createMessage" && Frames.CardText(f).Contains("showTask", StringComparison.Ordinal), listMark, TimeSpan.FromSeconds(20));
        var listJson = Frames.CardText(list);
        Assert.DoesNotContain(taskId, listJson, StringComparison.Ordinal);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(listJson, "\"taskId\":\"(J-\\d+)\"").Select(m => m.Groups[1].Value).Distinct().Count());
    }

    [Fact]
    public async Task OpenStage_ByAMemberNotTheSecretariat_RefusedAndNothingOpened()
    {
        var mark = Stream.Mark();
        using var output = new StringWriter();
        Assert.Equal(0, await CliApplication.RunAsync(["demo"], new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = fixture.StorageConnectionString,
            ["Storage:TablePrefix"] = fixture.TablePrefix,
        }, output, output));
        var message = OtherUserInvoke("unused", []);
        message["type"] = "message";
        message["text"] = $"<at>{PlaygroundIds.BotName}</at> プレWG開始 福祉 12月20日";
        message["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = $"<at>{PlaygroundIds.BotName}</at>",
            ["mentioned"] = new JsonObject { ["id"] = PlaygroundIds.BotId, ["name"] = PlaygroundIds.BotName },
        });
        message["textFormat"] = "plain";
        message.Remove("name");
        message.Remove("value");
        message.Remove("replyToId");

        await Playground.PostCustomActivityAsync(message);

        await Stream.WaitForAsync(f => ((string?)f["message"]?["text"])?.Contains("事務局（市民局）だけ", StringComparison.Ordinal) == true, mark);
        var catalog = fixture.Services.GetRequiredService<ReviewCatalog>();
        var repository = fixture.Services.GetRequiredService<ReviewRepository>();
        var snapshot = await repository.LoadAsync((await catalog.GetActiveReviewIdAsync(CancellationToken.None))!, CancellationToken.None);
        Assert.Empty(snapshot!.Windows);
        Assert.All(snapshot.Tasks, t => Assert.Equal(Stage.Inventory, t.Stage));
    }

    private JsonObject OtherUserInvoke(string replyToId, JsonObject data) =>
        OtherUserActivities.Invoke(fixture.PlaygroundPort, replyToId, "submitAnswer", data);

    private async Task<string> LoadDemoAndOpenPreWgAsync(int mark)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = fixture.StorageConnectionString,
            ["Storage:TablePrefix"] = fixture.TablePrefix,
        };
        using var output = new StringWriter();
        Assert.Equal(0, await CliApplication.RunAsync(["demo"], settings, output, output));
        await Playground.InstallAsync(PlaygroundIds.PersonalChatId);
        await Playground.InstallAsync(PlaygroundIds.TeamId);

        await Playground.SendMessageAsync(PlaygroundIds.PersonalChatId, "プレWG開始 福祉 12月20日");

        await Stream.WaitForAsync(f => ((string?)f["message"]?["text"])?.Contains("プレWGを開始しました", StringComparison.Ordinal) == true, mark);
        var catalog = fixture.Services.GetRequiredService<ReviewCatalog>();
        return (await catalog.GetActiveReviewIdAsync(CancellationToken.None))!;
    }

    [Fact]
    public async Task OpenPreWg_AnswerByExecute_StoresAndSendsNextCard_RefusesOthersAndDuplicates()
    {
        var mark = Stream.Mark();
        var reviewId = await LoadDemoAndOpenPreWgAsync(mark);

        // 小林 直樹 (a demo ward head outside the Playground's roster) cannot be reached: recorded and reported to the secretariat,
        // with what to do about it (the tab's advice for the reason).
        await Stream.WaitForAsync(f => ((string?)f["message"]?["text"])?.Contains("naoki.kobayashi@city.example.jp", StringComparison.Ordinal) == true
            && ((string?)f["message"]?["text"])?.Contains("届けられませんでした（理由: MemberNotFound）", StringComparison.Ordinal) == true
            && ((string?)f["message"]?["text"])?.Contains("ボットのいるチームにも見つかりません", StringComparison.Ordinal) == true, mark, TimeSpan.FromSeconds(30));
        var cursors = fixture.Services.GetRequiredService<MemberCursorStore>();
        Assert.Contains(await cursors.ListUnreachableAsync(reviewId, CancellationToken.None), u => u.Email == "naoki.kobayashi@city.example.jp");
        var unreachable = Assert.Single(await fixture.Services.GetRequiredService<AuditLog>().ListAsync(reviewId, CancellationToken.None),
            a => a.Kind == AuditKind.MemberUnreachable && a.Detail.Contains("naoki.kobayashi@city.example.jp", StringComparison.Ordinal));
        Assert.Equal(AuditEntry.System, unreachable.By);

        // The first card arrives through the outbox, one at a time.
        var first = await Stream.WaitForAsync(f => IsQuestionnaire(f) && Frames.CardText(f).Contains("1件目", StringComparison.Ordinal), mark, TimeSpan.FromSeconds(30));
        var card = Card(first)!;
        var data = SubmitData(card);
        var taskId = (string)data["taskId"]!;
        var messageId = (string)first["message"]!["messageId"]!;
        Assert.Contains("1件目", card.ToJsonString(Json.Readable), StringComparison.Ordinal);
        Assert.Single(Stream.FramesSince(mark), f => IsQuestionnaire(f) && Frames.CardText(f).Contains("1件目", StringComparison.Ordinal));

        var repository = fixture.Services.GetRequiredService<ReviewRepository>();
        var before = (await repository.GetTaskAsync(reviewId, taskId, CancellationToken.None))!.Task.State;

        // Exclude without a reason: the same card comes back with the error, nothing is stored.
        var invalid = data.DeepClone().AsObject();
        foreach (var (k, v) in new Dictionary<string, string> { ["routine"] = "false", ["highLevelNegotiation"] = "true", ["paperOrVisit"] = "false", ["businessesServed"] = "false", ["migrationEffect"] = "None", ["decision"] = "Exclude" })
        {
            invalid[k] = v;
        }

        var (invalidStatus, invalidBody) = await Playground.InvokeAsync(PlaygroundIds.PersonalChatId, messageId, PlaygroundIds.CurrentUserId, "submitAnswer", invalid);
        Assert.Equal(200, invalidStatus);
        Assert.Contains("submitAnswer", invalidBody!["value"]!.ToJsonString(Json.Readable), StringComparison.Ordinal);
        Assert.Contains("Attention", invalidBody["value"]!.ToJsonString(Json.Readable), StringComparison.Ordinal);
        Assert.Equal(before, (await repository.GetTaskAsync(reviewId, taskId, CancellationToken.None))!.Task.State);

        // Another user (佐藤 健一) answering this task: refused, nothing stored.
        var valid = data.DeepClone().AsObject();
        foreach (var (k, v) in new Dictionary<string, string> { ["routine"] = "true", ["highLevelNegotiation"] = "false", ["paperOrVisit"] = "true", ["businessesServed"] = "false", ["migrationEffect"] = "Changes", ["annualCases"] = "1,200", ["staffHours"] = "300", ["decision"] = "Keep" })
        {
            valid[k] = v;
        }

        // (The Playground's /invoke only accepts members of the chat, so the other user's invoke goes through
        // customActivities, which forwards it verbatim, and once straight to the bot to read its answer.)
        var otherInvoke = OtherUserInvoke(messageId, valid);
        await Playground.PostCustomActivityAsync(otherInvoke);
        using (var http = new HttpClient())
        {
            using var direct = await http.PostAsync(fixture.Bot.MessagesUrl, new StringContent(otherInvoke.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            var answer = System.Text.Json.Nodes.JsonNode.Parse(await direct.Content.ReadAsStringAsync())!;
            Assert.Equal(200, (int)direct.StatusCode);
            Assert.Contains("担当", answer["value"]!.ToJsonString(Json.Readable), StringComparison.Ordinal);
            Assert.DoesNotContain("submitAnswer", answer["value"]!.ToJsonString(Json.Readable), StringComparison.Ordinal);
        }

        // The copy the Playground forwards has no answer of its own to wait for (it is refused with a card only that user
        // would see): half a second for it to reach the bot, then nothing may have been stored.
        await Task.Delay(500);
        Assert.Equal(before, (await repository.GetTaskAsync(reviewId, taskId, CancellationToken.None))!.Task.State);

        // The assignee's valid answer: answered card, record updated, next card arrives.
        var nextMark = Stream.Mark();
        var (status, body) = await Playground.InvokeAsync(PlaygroundIds.PersonalChatId, messageId, PlaygroundIds.CurrentUserId, "submitAnswer", valid);
        Assert.Equal(200, status);
        Assert.Contains("山田 花子", body!["value"]!.ToJsonString(Json.Readable), StringComparison.Ordinal);
        var stored = (await repository.GetTaskAsync(reviewId, taskId, CancellationToken.None))!.Task;
        Assert.Equal(Stage.Wg, stored.Stage);
        Assert.Equal(1200, ((PreWgAnswer)stored.State.PreWg!.Answer).AnnualCases);
        var next = await Stream.WaitForAsync(IsQuestionnaire, nextMark, TimeSpan.FromSeconds(30));
        Assert.NotEqual(taskId, (string)SubmitData(Card(next)!)["taskId"]!);
        Assert.Contains("2件目", Card(next)!.ToJsonString(Json.Readable), StringComparison.Ordinal);

        // Teams redelivers the same submission: stored once, the same answered card.
        var (againStatus, againBody) = await Playground.InvokeAsync(PlaygroundIds.PersonalChatId, messageId, PlaygroundIds.CurrentUserId, "submitAnswer", valid);
        Assert.Equal(200, againStatus);
        Assert.Contains("山田 花子", againBody!["value"]!.ToJsonString(Json.Readable), StringComparison.Ordinal);
        var history = await repository.GetHistoryAsync(reviewId, taskId, CancellationToken.None);
        Assert.Single(history, h => h.Kind == HistoryKind.Answer);
    }
}
