using System.Net;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Tab;

/// <summary>
/// The secretariat's reassign and send-back on the tab, with real tokens against the real bot: the role is checked by
/// Entra object id on every post (a lead is refused with nothing changed), refusals are shown on the record with nothing
/// changed, and an accepted change is in the record's history at once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TabTaskActionTests(AzuriteFixture azurite)
{
    private static readonly Member Secretariat = new() { Email = "sec@city.example.jp", Name = "事務局 一郎", Role = MemberRole.Secretariat, AadObjectId = "aad-sec" };
    private static readonly Member Lead = new() { Email = "lead@city.example.jp", Name = "福祉 部会長", Role = MemberRole.Lead, Subcommittees = [Subcommittee.WelfareHealth], AadObjectId = "aad-lead" };
    private static readonly Member WardHead = new() { Email = "kucho@city.example.jp", Name = "北 区長", Role = MemberRole.Member, Subcommittees = [Subcommittee.WelfareHealth], AadObjectId = "aad-member" };

    private Task<SignedInTabHost> StartAsync() => SignedInTabHost.StartAsync(azurite,
        [new TaskDefinition { Id = "J-0001", Name = "事務J-0001", Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth, Assignee = WardHead.Email }],
        [Secretariat, Lead, WardHead]);

    [Fact]
    public async Task Secretariat_Reassigns_TheRecordShowsItAndItsHistory()
    {
        await using var host = await StartAsync();

        using var response = await host.PostFormAsync("/tab/api/tasks/J-0001/reassign", host.TokenFor(Secretariat),
            new Dictionary<string, string> { ["stage"] = "PreWg", ["assignee"] = Lead.Email, ["reason"] = "異動のため" });

        var html = await SignedInTabHost.ReadOkAsync(response);
        Assert.Contains("data-notice=\"done\"", html, StringComparison.Ordinal);
        Assert.Contains("プレWGの担当を 福祉 部会長 さんに変更しました", html, StringComparison.Ordinal);
        Assert.Contains("担当変更", html, StringComparison.Ordinal);
        Assert.Contains("北 区長 → 福祉 部会長　理由: 異動のため", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var task = (await host.Bot.Services.GetRequiredService<Review.Storage.ReviewRepository>().GetTaskAsync(SignedInTabHost.ReviewId, "J-0001", CancellationToken.None))!.Task;
        Assert.Equal(Lead.Email, task.AssigneeFor(Stage.PreWg));
    }

    [Fact]
    public async Task HistoryAndAudit_ShowWhoActedByName_AsTheChatDoes()
    {
        await using var host = await StartAsync();
        using var reassigned = await host.PostFormAsync("/tab/api/tasks/J-0001/reassign", host.TokenFor(Secretariat),
            new Dictionary<string, string> { ["stage"] = "PreWg", ["assignee"] = Lead.Email, ["reason"] = "異動のため" });
        await SignedInTabHost.ReadOkAsync(reassigned);
        // Opening a stage is in the review's audit trail (a reassignment is in the task's history only).
        using var opened = await host.PostFormAsync("/tab/api/stages/open", host.TokenFor(Secretariat), new Dictionary<string, string>
        {
            ["stage"] = "PreWg", ["subcommittee"] = "WelfareHealth",
            ["deadline"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        await SignedInTabHost.ReadOkAsync(opened);

        using var record = await host.GetAsync("/tab/api/tasks/J-0001", host.TokenFor(Secretariat));
        using var dashboard = await host.GetAsync("/tab/api/dashboard", host.TokenFor(Secretariat));

        var history = Section(await SignedInTabHost.ReadOkAsync(record), "data-table=\"history\"");
        var audit = Section(await SignedInTabHost.ReadOkAsync(dashboard), "data-table=\"audit\"");
        foreach (var table in new[] { history, audit })
        {
            Assert.Contains("<td>事務局 一郎</td>", table, StringComparison.Ordinal);
            Assert.DoesNotContain("<td>sec@city.example.jp</td>", table, StringComparison.Ordinal);
        }

        // What each entry records is named in the page's language (the export's history sheet stays Japanese).
        Assert.Contains("担当変更", history, StringComparison.Ordinal);
        Assert.Contains("段階の開始", audit, StringComparison.Ordinal);
        using var english = await host.GetAsync("/tab/api/tasks/J-0001?lang=en", host.TokenFor(Secretariat));
        var englishHistory = System.Net.WebUtility.HtmlDecode(Section(await SignedInTabHost.ReadOkAsync(english), "data-table=\"history\""));
        Assert.Contains("reassigned 北 区長 → 福祉 部会長; reason: 異動のため", englishHistory, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reassign", "lead")]
    [InlineData("reopen", "lead")]
    [InlineData("reassign", "member")]
    public async Task NotTheSecretariat_403_NothingChanged(string action, string who)
    {
        await using var host = await StartAsync();
        var token = host.TokenFor(who == "lead" ? Lead : WardHead);

        using var response = await host.PostFormAsync($"/tab/api/tasks/J-0001/{action}", token,
            new Dictionary<string, string> { ["stage"] = "PreWg", ["assignee"] = Lead.Email, ["reason"] = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        // The sentence names the action refused (the override's own sentence is checked with the other actions below).
        Assert.Contains("担当変更と差し戻しは事務局（市民局）だけ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertUnchangedAsync(host);
    }

    /// <summary>Every other secretariat action refuses a lead and a ward head the same way (403, the sentence naming the action, nothing changed).</summary>
    [Theory]
    [InlineData("/tab/api/tasks/J-0001/override", "lead", "判断の変更は")]
    [InlineData("/tab/api/tasks/J-0001/override", "member", "判断の変更は")]
    [InlineData("/tab/api/remind", "lead", "今すぐのリマインド送信は")]
    [InlineData("/tab/api/council", "lead", "推進会議チャンネルの登録は")]
    [InlineData("/tab/api/council", "member", "推進会議チャンネルの登録は")]
    [InlineData("/tab/api/stages/close", "member", "段階の締め切りは")]
    public async Task OtherSecretariatActions_NotTheSecretariat_403_NothingChanged(string path, string who, string sentence)
    {
        await using var host = await StartAsync();

        using var response = await host.PostFormAsync(path, host.TokenFor(who == "lead" ? Lead : WardHead), new Dictionary<string, string>
        {
            ["decision"] = "PreWg:Exclude", ["answerReason"] = "x", ["reason"] = "x", ["email"] = WardHead.Email,
            ["channel"] = "19:any@thread.tacv2", ["stage"] = "PreWg", ["subcommittee"] = "all",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-message=\"not-secretariat\"", html, StringComparison.Ordinal);
        Assert.Contains(sentence + "事務局（市民局）だけ", html, StringComparison.Ordinal);
        await AssertUnchangedAsync(host);
        var references = host.Bot.Services.GetRequiredService<Conversations.ConversationReferenceStore>();
        Assert.Null(await references.GetCouncilChannelAsync(SignedInTabHost.Tenant, CancellationToken.None));
    }

    [Theory]
    [InlineData("lead")]
    [InlineData("member")]
    public async Task Export_NotTheSecretariatOrTheOverview_403(string who)
    {
        await using var host = await StartAsync();

        using var response = await host.GetAsync("/tab/api/export", host.TokenFor(who == "lead" ? Lead : WardHead));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Excel への書き出しは事務局（市民局）と全体総括の方だけ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoToken_401_NothingChanged()
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, host.Bot.BaseUrl + "/tab/api/tasks/J-0001/reassign")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["assignee"] = Lead.Email }),
        };

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertUnchangedAsync(host);
    }

    [Theory]
    [InlineData("reassign", "PreWg", "nobody@city.example.jp", "", "名簿にいません")]
    [InlineData("reassign", "PreWg", "kucho@city.example.jp", "", "担当を変更できません")]
    [InlineData("reopen", "PreWg", "", "", "理由は必須")]
    [InlineData("reopen", "PreWg", "", "確認のため", "差し戻せる回答がありません")]
    public async Task Refused_ShownOnTheRecord_NothingChanged(string action, string stage, string assignee, string reason, string expected)
    {
        await using var host = await StartAsync();

        using var response = await host.PostFormAsync($"/tab/api/tasks/J-0001/{action}", host.TokenFor(Secretariat),
            new Dictionary<string, string> { ["stage"] = stage, ["assignee"] = assignee, ["reason"] = reason });

        var html = await SignedInTabHost.ReadOkAsync(response);
        Assert.Contains("data-notice=\"refused\"", html, StringComparison.Ordinal);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        await AssertUnchangedAsync(host);
    }

    [Fact]
    public async Task Secretariat_OverridesAnAnsweredDecision_WithItsReason_HistoryKeepsWhy()
    {
        await using var host = await StartAnsweredAsync();

        var html = await SignedInTabHost.ReadOkAsync(await host.PostFormAsync("/tab/api/tasks/J-0001/override", host.TokenFor(Secretariat),
            new Dictionary<string, string> { ["decision"] = "PreWg:Exclude", ["answerReason"] = "本庁で一括処理済み", ["reason"] = "部会での再確認" }));

        Assert.Contains("data-notice=\"done\"", html, StringComparison.Ordinal);
        Assert.Contains("プレWGの判断を「除外」に変更しました（理由: 部会での再確認）", html, StringComparison.Ordinal);
        var repository = host.Bot.Services.GetRequiredService<Review.Storage.ReviewRepository>();
        var task = (await repository.GetTaskAsync(SignedInTabHost.ReviewId, "J-0001", CancellationToken.None))!.Task;
        Assert.Equal(Stage.Closed, task.Stage);
        Assert.Equal((PreWgDecision.Exclude, "本庁で一括処理済み", true), (((PreWgAnswer)task.State.PreWg!.Answer).Decision, ((PreWgAnswer)task.State.PreWg.Answer).Reason, task.State.PreWg.Override));
        var entry = Assert.Single(await repository.GetHistoryAsync(SignedInTabHost.ReviewId, "J-0001", CancellationToken.None), h => h.Kind == HistoryKind.Override);
        Assert.Equal(("部会での再確認", Secretariat.Email), (entry.Reason, entry.By));
    }

    [Theory]
    [InlineData("PreWg:Exclude", "", "再確認", "理由を入力してください")]
    [InlineData("PreWg:Exclude", "対象外", "", "変更の理由を入力してください")]
    [InlineData("Suitability:Done", "", "再確認", "まだ適否に達していない")]
    [InlineData("PreWg:Nothing", "", "再確認", "判断を変更できません")]
    public async Task Override_Refused_ShownOnTheRecord_NothingChanged(string decision, string answerReason, string reason, string expected)
    {
        await using var host = await StartAnsweredAsync();
        var repository = host.Bot.Services.GetRequiredService<Review.Storage.ReviewRepository>();
        var before = (await repository.GetTaskAsync(SignedInTabHost.ReviewId, "J-0001", CancellationToken.None))!.Task.State;

        var html = await SignedInTabHost.ReadOkAsync(await host.PostFormAsync("/tab/api/tasks/J-0001/override", host.TokenFor(Secretariat),
            new Dictionary<string, string> { ["decision"] = decision, ["answerReason"] = answerReason, ["reason"] = reason }));

        Assert.Contains("data-notice=\"refused\"", html, StringComparison.Ordinal);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Equal(before, (await repository.GetTaskAsync(SignedInTabHost.ReviewId, "J-0001", CancellationToken.None))!.Task.State);
    }

    /// <summary>The review with pre-WG open and J-0001 answered "keep" by its assignee (so it waits at WG).</summary>
    private async Task<SignedInTabHost> StartAnsweredAsync()
    {
        var host = await StartAsync();
        var services = host.Bot.Services;
        await services.GetRequiredService<StageOpeningService>().OpenAsync(SignedInTabHost.ReviewId, Secretariat, Stage.PreWg, [Subcommittee.WelfareHealth], DateTimeOffset.UtcNow.AddDays(7), CancellationToken.None);
        var answered = await services.GetRequiredService<DecisionService>().AnswerAsync(SignedInTabHost.ReviewId, WardHead, "J-0001",
            new PreWgAnswer { Decision = PreWgDecision.Keep }, 2, CancellationToken.None);
        Assert.Equal(SubmissionStatus.Accepted, answered.Status);
        return host;
    }

    private static async Task AssertUnchangedAsync(SignedInTabHost host)
    {
        var repository = host.Bot.Services.GetRequiredService<Review.Storage.ReviewRepository>();
        var task = (await repository.GetTaskAsync(SignedInTabHost.ReviewId, "J-0001", CancellationToken.None))!.Task;
        Assert.Equal(1, task.State.Version);
        Assert.Empty(await repository.GetHistoryAsync(SignedInTabHost.ReviewId, "J-0001", CancellationToken.None));
    }

    /// <summary>The table that starts at <paramref name="marker"/>, up to its end.</summary>
    private static string Section(string html, string marker)
    {
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {marker} in the page");
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }
}
