using System.Net;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Tab;

/// <summary>
/// A revisit event from the tab, with real tokens against the real bot: the same service and sentence as the chat command;
/// a lead is refused (403); a bad form and an event nobody waits for are refused with their reason; nothing changes then.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TabRevisitTests(AzuriteFixture azurite)
{
    private static readonly Member Secretariat = new() { Email = "sec@city.example.jp", Name = "事務局 一郎", Role = MemberRole.Secretariat, AadObjectId = "aad-sec" };
    private static readonly Member Lead = new() { Email = "lead@city.example.jp", Name = "福祉 部会長", Role = MemberRole.Lead, Subcommittees = [Subcommittee.WelfareHealth], AadObjectId = "aad-lead" };

    private static string Future => DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Secretariat_StartsTheRevisit_TheTaskIsInRound2_TheAuditSaysIt()
    {
        await using var host = await StartAsync();

        var html = await SignedInTabHost.ReadOkAsync(await host.PostFormAsync("/tab/api/revisit", host.TokenFor(Secretariat),
            new Dictionary<string, string> { ["trigger"] = "StandardizationBpr", ["stage"] = "Wg", ["deadline"] = Future }));

        Assert.Contains("data-message=\"done\"", html, StringComparison.Ordinal);
        Assert.Contains("WGに第2回として 1件", html, StringComparison.Ordinal);
        var task = (await host.Bot.Services.GetRequiredService<ReviewRepository>().GetTaskAsync(SignedInTabHost.ReviewId, "J-0001", CancellationToken.None))!.Task;
        Assert.Equal((Stage.Wg, 2), (task.Stage, task.State.Round));
        Assert.Contains(await host.Bot.Services.GetRequiredService<AuditLog>().ListAsync(SignedInTabHost.ReviewId, CancellationToken.None),
            a => a.Kind == AuditKind.RoundStarted && a.By == Secretariat.Email && a.Detail.Contains("第2回", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Nonsense", "Suitability", "future", "きっかけ（標準化BPR")]
    [InlineData("1", "Suitability", "future", "きっかけ（標準化BPR")]
    [InlineData("StandardizationBpr", "PreWg", "future", "プレWGからは始められません")]
    [InlineData("StandardizationBpr", "Suitability", "2020-01-01", "期限が過去の日付です")]
    [InlineData("StandardizationBpr", "Suitability", "", "期限の日付が分かりませんでした")]
    [InlineData("RuleChange", "Suitability", "future", "きっかけが「制度変更」の引き続き検討予定の事務はありません")]
    public async Task BadForm_OrNobodyWaiting_RefusedWithTheReason_NothingChanged(string trigger, string stage, string deadline, string expected)
    {
        await using var host = await StartAsync();
        var before = await StateAsync(host);

        var html = await SignedInTabHost.ReadOkAsync(await host.PostFormAsync("/tab/api/revisit", host.TokenFor(Secretariat),
            new Dictionary<string, string> { ["trigger"] = trigger, ["stage"] = stage, ["deadline"] = deadline == "future" ? Future : deadline }));

        Assert.Contains("data-message=\"refused\"", html, StringComparison.Ordinal);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(host));
    }

    [Fact]
    public async Task NoToken_401_NothingChanged()
    {
        await using var host = await StartAsync();
        var before = await StateAsync(host);
        using var request = new HttpRequestMessage(HttpMethod.Post, host.Bot.BaseUrl + "/tab/api/revisit")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["trigger"] = "StandardizationBpr", ["stage"] = "Suitability", ["deadline"] = Future }),
        };

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await StateAsync(host));
    }

    [Fact]
    public async Task Lead_403_NothingChanged()
    {
        await using var host = await StartAsync();
        var before = await StateAsync(host);

        using var response = await host.PostFormAsync("/tab/api/revisit", host.TokenFor(Lead),
            new Dictionary<string, string> { ["trigger"] = "StandardizationBpr", ["stage"] = "Suitability", ["deadline"] = Future });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("再検討の開始は事務局（市民局）だけ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(host));
    }

    /// <summary>One task, answered through the three stages by the rules: continue later until the standardization BPR.</summary>
    private async Task<SignedInTabHost> StartAsync()
    {
        var host = await SignedInTabHost.StartAsync(azurite,
            [new TaskDefinition { Id = "J-0001", Name = "事務J-0001", Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth, Assignee = Lead.Email }],
            [Secretariat, Lead]);
        var services = host.Bot.Services;
        var repository = services.GetRequiredService<ReviewRepository>();
        foreach (var answer in new StageAnswer[]
        {
            new PreWgAnswer { Decision = PreWgDecision.Keep },
            new WgAnswer { Decision = WgDecision.StudyTarget },
            new SuitabilityAnswer { Decision = SuitabilityDecision.ContinueLater, Trigger = RevisitTrigger.StandardizationBpr },
        })
        {
            await services.GetRequiredService<StageOpeningService>().OpenAsync(SignedInTabHost.ReviewId, Secretariat, answer.Stage, [Subcommittee.WelfareHealth], DateTimeOffset.UtcNow.AddDays(7), CancellationToken.None);
            var version = (await repository.GetTaskAsync(SignedInTabHost.ReviewId, "J-0001", CancellationToken.None))!.Task.State.Version;
            Assert.Equal(SubmissionStatus.Accepted, (await services.GetRequiredService<DecisionService>().AnswerAsync(SignedInTabHost.ReviewId, Lead, "J-0001", answer, version, CancellationToken.None)).Status);
        }

        return host;
    }

    private static async Task<TaskState> StateAsync(SignedInTabHost host) =>
        (await host.Bot.Services.GetRequiredService<ReviewRepository>().GetTaskAsync(SignedInTabHost.ReviewId, "J-0001", CancellationToken.None))!.Task.State;
}
