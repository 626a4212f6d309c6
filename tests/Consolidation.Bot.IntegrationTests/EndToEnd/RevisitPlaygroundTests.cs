using System.Text.Json.Nodes;
using Consolidation.Bot.Demo;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.EndToEnd;

/// <summary>
/// A revisit event through the real Playground: the secretariat sends 再検討開始 標準化BPR; exactly the continue-later tasks
/// waiting for the standardization BPR enter round 2 of 適否, and their assignee (the Playground's user) gets the card,
/// which shows how round 1 ended, and answers it.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public class RevisitPlaygroundTests(PlaygroundFixture fixture)
{
    private PlaygroundClient Playground => fixture.Playground;
    private ConversationStream Stream => fixture.Stream;

    private static readonly Member Hanako = new()
    {
        Email = PlaygroundUsers.SecretariatEmail, Name = "山田 花子", Role = MemberRole.Secretariat, AadObjectId = PlaygroundUsers.SecretariatAadObjectId,
        Subcommittees = [Subcommittee.WelfareHealth],
    };

    private static readonly (string Id, SuitabilityDecision Decision, RevisitTrigger? Trigger)[] Plan =
    [
        ("R-0001", SuitabilityDecision.ContinueLater, RevisitTrigger.StandardizationBpr),
        ("R-0002", SuitabilityDecision.ContinueLater, RevisitTrigger.RuleChange),
        ("R-0003", SuitabilityDecision.ContinueLater, RevisitTrigger.StandardizationBpr),
        ("R-0004", SuitabilityDecision.Done, null),
    ];

    [Fact]
    public async Task RevisitEvent_ReopensExactlyTheTasksWithThatTrigger_TheAssigneeGetsRound2Cards()
    {
        var reviewId = await SeedAsync();
        var mark = Stream.Mark();
        var deadline = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await Playground.SendMessageAsync(PlaygroundIds.PersonalChatId, $"再検討開始 標準化BPR {deadline}");

        var reply = await Stream.WaitForAsync(f => ((string?)f["message"]?["text"])?.Contains("再検討を開始しました", StringComparison.Ordinal) == true, mark);
        Assert.Contains("適否に第2回として 2件", (string)reply["message"]!["text"]!, StringComparison.Ordinal);
        var card = await Stream.WaitForAsync(f => (string?)f["action"] == "createMessage" && Frames.CardText(f).Contains("第2回", StringComparison.Ordinal)
            && Frames.CardText(f).Contains("submitAnswer", StringComparison.Ordinal), mark, TimeSpan.FromSeconds(30));
        Assert.Contains("第1回: 引き続き検討予定（きっかけ: システム標準化のBPR）", Frames.CardText(card), StringComparison.Ordinal);
        var repository = fixture.Services.GetRequiredService<ReviewRepository>();
        var snapshot = (await repository.LoadAsync(reviewId, CancellationToken.None))!;
        Assert.Equal(["R-0001", "R-0003"], snapshot.Tasks.Where(t => t.State.Round == 2).Select(t => t.Id).Order(StringComparer.Ordinal));
        Assert.All(snapshot.Tasks.Where(t => t.State.Round == 1), t => Assert.Equal(Stage.Closed, t.Stage));

        // The assignee answers round 2 on the card: stored, and the next round-2 card follows.
        var data = Frames.CardOf(card)!["actions"]!.AsArray().First(a => (string?)a!["verb"] == "submitAnswer")!["data"]!.DeepClone().AsObject();
        data["decision"] = "Closed";
        data["reason"] = "標準化後も区で対応が必要";
        var next = Stream.Mark();
        var (status, body) = await Playground.InvokeAsync(PlaygroundIds.PersonalChatId, (string)card["message"]!["messageId"]!, PlaygroundIds.CurrentUserId, "submitAnswer", data);
        Assert.Equal(200, status);
        Assert.Contains("回答を受け付けました", body!["value"]!.ToJsonString(Json.Readable), StringComparison.Ordinal);
        var answered = (await repository.GetTaskAsync(reviewId, (string)data["taskId"]!, CancellationToken.None))!.Task;
        Assert.Equal((Stage.Closed, 2, SuitabilityDecision.Closed), (answered.Stage, answered.State.Round, ((SuitabilityAnswer)answered.State.Suitability!.Answer).Decision));
        await Stream.WaitForAsync(f => (string?)f["action"] == "createMessage" && Frames.CardText(f).Contains("第2回", StringComparison.Ordinal)
            && Frames.CardText(f).Contains("submitAnswer", StringComparison.Ordinal), next, TimeSpan.FromSeconds(30));

        // The export: the outcome of round 2 beside the round and how round 1 ended; round-1 tasks as they were.
        var export = await ExportedTasks.FromCommandLineAsync(fixture.StorageConnectionString, fixture.TablePrefix);
        var id = (string)data["taskId"]!;
        Assert.Equal(("検討終了", "2", "第1回: 引き続き検討予定（システム標準化のBPR）"), (export.Cell(id, "判断"), export.Cell(id, "回"), export.Cell(id, "前回の判断")));
        Assert.Equal(("引き続き検討予定", "1", ""), (export.Cell("R-0002", "判断"), export.Cell("R-0002", "回"), export.Cell("R-0002", "前回の判断")));
    }

    /// <summary>A review whose four tasks (the Playground user's) went through the three stages by the rules as planned.</summary>
    private async Task<string> SeedAsync()
    {
        var services = fixture.Services;
        var reviewId = "revisit-" + Guid.NewGuid().ToString("N")[..8];
        var tasks = Plan.Select(p => new TaskDefinition { Id = p.Id, Name = $"再検討の事務{p.Id}", Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth, Assignee = Hanako.Email }).ToList();
        await services.GetRequiredService<ReviewImportWriter>().WriteAsync(reviewId, "再検討", tasks, [Hanako], false, DateTimeOffset.UtcNow, CancellationToken.None);
        await services.GetRequiredService<ReviewCatalog>().SetActiveReviewAsync(reviewId, CancellationToken.None);
        await Playground.InstallAsync(PlaygroundIds.PersonalChatId);
        var repository = services.GetRequiredService<ReviewRepository>();
        foreach (var stage in Stages.Screening)
        {
            await services.GetRequiredService<StageOpeningService>().OpenAsync(reviewId, Hanako, stage, [Subcommittee.WelfareHealth], DateTimeOffset.UtcNow.AddDays(7), CancellationToken.None);
            foreach (var p in Plan)
            {
                StageAnswer answer = stage switch
                {
                    Stage.PreWg => new PreWgAnswer { Decision = PreWgDecision.Keep },
                    Stage.Wg => new WgAnswer { Decision = WgDecision.StudyTarget },
                    _ => new SuitabilityAnswer { Decision = p.Decision, Trigger = p.Trigger },
                };
                var version = (await repository.GetTaskAsync(reviewId, p.Id, CancellationToken.None))!.Task.State.Version;
                Assert.Equal(SubmissionStatus.Accepted, (await services.GetRequiredService<DecisionService>().AnswerAsync(reviewId, Hanako, p.Id, answer, version, CancellationToken.None)).Status);
            }
        }

        return reviewId;
    }
}
