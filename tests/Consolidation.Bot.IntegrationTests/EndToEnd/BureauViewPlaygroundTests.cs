using Consolidation.Bot.Cli;
using Consolidation.Bot.Demo;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.EndToEnd;

/// <summary>
/// The WG held with the bureau in charge, through the real Playground: the secretariat opens WG in chat; the Playground's
/// user, also the contact of 福祉局, gets the bureau's card for that bureau's task only, and answers it; the 担当区長's
/// decision is stored beside it; the export shows the decision and the bureau's view side by side.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public class BureauViewPlaygroundTests(PlaygroundFixture fixture)
{
    private PlaygroundClient Playground => fixture.Playground;
    private ConversationStream Stream => fixture.Stream;

    private static readonly Member Hanako = new()
    {
        Email = PlaygroundUsers.SecretariatEmail, Name = "山田 花子", Role = MemberRole.Secretariat, AdditionalRoles = [MemberRole.Bureau], Bureau = "福祉局",
        AadObjectId = PlaygroundUsers.SecretariatAadObjectId,
    };

    private static readonly Member Sato = new()
    {
        Email = PlaygroundUsers.WelfareHealthLeadEmail, Name = "佐藤 健一", Role = MemberRole.Lead, Subcommittees = [Subcommittee.WelfareHealth],
        AadObjectId = PlaygroundUsers.WelfareHealthLeadAadObjectId,
    };

    [Fact]
    public async Task WgWithTheBureau_TheContactAnswersOnTheCard_TheExportShowsBothSideBySide()
    {
        var reviewId = await SeedAsync();
        var mark = Stream.Mark();

        await Playground.SendMessageAsync(PlaygroundIds.PersonalChatId, "WG開始 福祉 " + DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        await Stream.WaitForAsync(f => ((string?)f["message"]?["text"])?.Contains("WGを開始しました", StringComparison.Ordinal) == true, mark);
        var card = await Stream.WaitForAsync(f => (string?)f["action"] == "createMessage" && (string?)f["actionConversationId"] == PlaygroundIds.PersonalChatId
            && Frames.CardText(f).Contains("submitBureauView", StringComparison.Ordinal), mark, TimeSpan.FromSeconds(30));
        Assert.Contains("B-0001", Frames.CardText(card), StringComparison.Ordinal);
        Assert.Contains("佐藤 健一", Frames.CardText(card), StringComparison.Ordinal);

        var data = Frames.CardOf(card)!["actions"]!.AsArray().First(a => (string?)a!["verb"] == "submitBureauView")!["data"]!.DeepClone().AsObject();
        data["bureauView"] = "Partial";
        data["bureauComment"] = "申請受付のみなら集約化等が可能";
        var (status, body) = await Playground.InvokeAsync(PlaygroundIds.PersonalChatId, (string)card["message"]!["messageId"]!, PlaygroundIds.CurrentUserId, "submitBureauView", data);
        Assert.Equal(200, status);
        Assert.Contains("一部なら集約化等が可能", body!["value"]!.ToJsonString(Json.Readable), StringComparison.Ordinal);

        // The 担当区長's decision beside it (佐藤 健一 answers on his own card; here through the rules).
        var repository = fixture.Services.GetRequiredService<ReviewRepository>();
        var version = (await repository.GetTaskAsync(reviewId, "B-0001", CancellationToken.None))!.Task.State.Version;
        Assert.Equal(SubmissionStatus.Accepted, (await fixture.Services.GetRequiredService<DecisionService>().AnswerAsync(reviewId, Sato, "B-0001",
            new WgAnswer { Decision = WgDecision.StudyTarget, DestinationNote = "福祉局の事務センター" }, version, CancellationToken.None)).Status);

        var export = await ExportedTasks.FromCommandLineAsync(fixture.StorageConnectionString, fixture.TablePrefix);
        Assert.Equal(("検討対象とする", "一部なら集約化等が可能（申請受付のみなら集約化等が可能）", "1"), (export.Cell("B-0001", "判断"), export.Cell("B-0001", "所管部局の見解"), export.Cell("B-0001", "回")));
        Assert.Equal("", export.Cell("B-0002", "所管部局の見解"));
    }

    /// <summary>Two 福祉 tasks, of 福祉局 and 健康局, kept at プレWG by their 担当区長 (by the rules).</summary>
    private async Task<string> SeedAsync()
    {
        var services = fixture.Services;
        var reviewId = "bureau-" + Guid.NewGuid().ToString("N")[..8];
        TaskDefinition Task(string id, string bureau) => new() { Id = id, Name = $"所管部局の事務{id}", Bureau = bureau, Subcommittee = Subcommittee.WelfareHealth, Assignee = Sato.Email };
        await services.GetRequiredService<ReviewImportWriter>().WriteAsync(reviewId, "所管部局", [Task("B-0001", "福祉局"), Task("B-0002", "健康局")], [Hanako, Sato], false, DateTimeOffset.UtcNow, CancellationToken.None);
        await services.GetRequiredService<ReviewCatalog>().SetActiveReviewAsync(reviewId, CancellationToken.None);
        await Playground.InstallAsync(PlaygroundIds.PersonalChatId);
        var repository = services.GetRequiredService<ReviewRepository>();
        await services.GetRequiredService<StageOpeningService>().OpenAsync(reviewId, Hanako, Stage.PreWg, [Subcommittee.WelfareHealth], DateTimeOffset.UtcNow.AddDays(7), CancellationToken.None);
        foreach (var id in new[] { "B-0001", "B-0002" })
        {
            var version = (await repository.GetTaskAsync(reviewId, id, CancellationToken.None))!.Task.State.Version;
            Assert.Equal(SubmissionStatus.Accepted, (await services.GetRequiredService<DecisionService>().AnswerAsync(reviewId, Sato, id, new PreWgAnswer { Decision = PreWgDecision.Keep }, version, CancellationToken.None)).Status);
        }

        return reviewId;
    }
}
