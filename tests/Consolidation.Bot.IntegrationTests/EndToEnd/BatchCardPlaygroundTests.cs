using System.Text.Json.Nodes;
using Consolidation.Bot.Demo;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.EndToEnd;

/// <summary>
/// The rough selection at scale through the real Playground: the secretariat opens プレWG with the batch card; the
/// Playground's user, 担当区長 of 124 tasks, gets them ten at a time, answers each card with one submit, and ends with every
/// task decided (kept or excluded, each with its own history entry) after 13 cards instead of 124.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public class BatchCardPlaygroundTests(PlaygroundFixture fixture)
{
    private const int TaskCount = 124;

    private PlaygroundClient Playground => fixture.Playground;
    private ConversationStream Stream => fixture.Stream;

    private static bool IsBatchCard(JsonObject f) =>
        (string?)f["action"] == "createMessage" && (string?)f["actionConversationId"] == PlaygroundIds.PersonalChatId
        && Frames.CardOf(f)?.ToJsonString().Contains("submitBatch", StringComparison.Ordinal) == true;

    [Fact]
    public async Task WardHeadWith124Tasks_FinishesTheRoughSelectionInBatchCards()
    {
        var reviewId = await SeedAsync();
        var mark = Stream.Mark();
        await Playground.SendMessageAsync(PlaygroundIds.PersonalChatId, "プレWG開始 福祉 12月20日 一括");
        var opened = await Stream.WaitForAsync(f => ((string?)f["message"]?["text"])?.Contains("プレWGを開始しました", StringComparison.Ordinal) == true, mark);
        Assert.Contains("一括カード（10件ずつ", (string)opened["message"]!["text"]!, StringComparison.Ordinal);

        var cards = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var frame = await Stream.WaitForAsync(IsBatchCard, mark, TimeSpan.FromSeconds(30));
            mark = Stream.Mark();
            cards++;
            var submit = Frames.CardOf(frame)!["actions"]!.AsArray().First(a => (string?)a!["verb"] == "submitBatch")!["data"]!.DeepClone().AsObject();
            var rows = ((string)submit["tasks"]!).Split(',').Select(r => r[..r.LastIndexOf('@')]).ToList();
            Assert.All(rows, id => Assert.True(seen.Add(id), $"{id} came twice"));
            for (var i = 0; i < rows.Count; i++)
            {
                submit[$"row{i}Decision"] = i % 3 == 0 ? "Exclude" : "Keep";
                submit[$"row{i}Reason"] = i % 3 == 0 ? "窓口での対面対応が前提" : "";
            }

            var (status, body) = await Playground.InvokeAsync(PlaygroundIds.PersonalChatId, (string)frame["message"]!["messageId"]!, PlaygroundIds.CurrentUserId, "submitBatch", submit);
            Assert.Equal(200, status);
            var result = body!["value"]!.ToJsonString(Json.Readable);
            Assert.Contains($"{rows.Count}件の回答を保存しました", result, StringComparison.Ordinal);
            if (seen.Count == TaskCount)
            {
                Assert.Contains("あなたの回答を待っている事務はもうありません", result, StringComparison.Ordinal);
                break;
            }

            Assert.Contains("次のカードをお送りします", result, StringComparison.Ordinal);
        }

        Assert.Equal((TaskCount + 9) / 10, cards);
        var snapshot = (await fixture.Services.GetRequiredService<ReviewRepository>().LoadAsync(reviewId, CancellationToken.None))!;
        Assert.All(snapshot.Tasks, t => Assert.True(((PreWgAnswer)t.State.PreWg!.Answer).Rough));
        // Rows 0, 3, 6 and 9 of each card were excluded: 4 on each of the 12 full cards, 2 on the last one of 4 rows.
        Assert.Equal((50, 74), (snapshot.Tasks.Count(t => t.Stage == Stage.Closed), snapshot.Tasks.Count(t => t.Stage == Stage.Wg)));
        var repository = fixture.Services.GetRequiredService<ReviewRepository>();
        Assert.Single(await repository.GetHistoryAsync(reviewId, snapshot.Tasks[^1].Id, CancellationToken.None), h => h.Kind == HistoryKind.Answer);
    }

    private async Task<string> SeedAsync()
    {
        var reviewId = "batch-" + Guid.NewGuid().ToString("N")[..8];
        var hanako = new Member
        {
            Email = PlaygroundUsers.SecretariatEmail, Name = "山田 花子", Role = MemberRole.Secretariat, AadObjectId = PlaygroundUsers.SecretariatAadObjectId,
            Subcommittees = [Subcommittee.WelfareHealth],
        };
        var tasks = Enumerable.Range(1, TaskCount).Select(n => new TaskDefinition
        {
            Id = $"B-{n:0000}", Name = $"福祉の事務その{n}", Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth, Assignee = hanako.Email,
        }).ToList();
        await fixture.Services.GetRequiredService<ReviewImportWriter>().WriteAsync(reviewId, "一括カード", tasks, [hanako], false, DateTimeOffset.UtcNow, CancellationToken.None);
        await fixture.Services.GetRequiredService<ReviewCatalog>().SetActiveReviewAsync(reviewId, CancellationToken.None);
        await Playground.InstallAsync(PlaygroundIds.PersonalChatId);
        return reviewId;
    }
}
