using System.Text.Json.Nodes;
using Consolidation.Bot.Cli;
using Consolidation.Bot.Demo;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;

namespace Consolidation.Bot.IntegrationTests.EndToEnd;

/// <summary>
/// Status questions through the real Playground: the secretariat (the current user) asks in Japanese and gets the card;
/// a subcommittee lead asking about another subcommittee's non-responders is refused.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public class StatusPlaygroundTests(PlaygroundFixture fixture)
{
    private PlaygroundClient Playground => fixture.Playground;
    private ConversationStream Stream => fixture.Stream;

    private async Task LoadSeedFunnelDemoAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = fixture.StorageConnectionString,
            ["Storage:TablePrefix"] = fixture.TablePrefix,
        };
        using var output = new StringWriter();
        Assert.Equal(0, await CliApplication.RunAsync(["demo", "--play-seed-funnel"], settings, output, output));
    }

    [Fact]
    public async Task Secretariat_AsksWelfareProgressInJapanese_GetsTheStatusCard()
    {
        await LoadSeedFunnelDemoAsync();
        await Playground.InstallAsync(PlaygroundIds.PersonalChatId);
        var mark = Stream.Mark();

        await Playground.SendMessageAsync(PlaygroundIds.PersonalChatId, "福祉・健康部会の進捗は？");

        var frame = await Stream.WaitForAsync(f => (string?)f["actionConversationId"] == PlaygroundIds.PersonalChatId
            && Frames.CardText(f).Contains("福祉・健康部会の進捗", StringComparison.Ordinal), mark, TimeSpan.FromSeconds(20));
        var card = Frames.CardOf(frame)!;
        var text = card.ToJsonString(Json.Readable);
        Assert.Contains($"{DemoReview.TaskCounts[Subcommittee.WelfareHealth]}件", text, StringComparison.Ordinal);
        Assert.Contains("残す", text, StringComparison.Ordinal);
        var result = Assert.Single(await AdaptiveCardChecker.CheckJsonAsync([("status-from-playground", card)]));
        Assert.Empty(result.Problems);
    }

    [Theory]
    [InlineData("プレWGで除外したのは何件？", "470件（全812件中）")]
    [InlineData("検討終了の事務は何件", "37件（全276件中）")]
    [InlineData("除外が一番多い部会は？", "プレWGで除外が最も多いのは")]
    [InlineData("福祉とこどもの進捗は？", "どの部会についてのご質問ですか")]
    [InlineData("J-0001の履歴", "J-0001")]
    [InlineData("前回のダイジェストから何件回答があった？", "ダイジェスト")] // "since": before any digest it says so, after one it counts
    [InlineData("財政局の事務は何件？", "財政局: ")]
    [InlineData("集約先が拠点区の事務は何件？", "集約先: 拠点区")]
    [InlineData("標準化BPRがきっかけの事務は？", "システム標準化のBPR")]
    public async Task Secretariat_AsksOneOfEachNewQuestionForm_GetsTheCard(string question, string expected)
    {
        await LoadSeedFunnelDemoAsync();
        await Playground.InstallAsync(PlaygroundIds.PersonalChatId);
        var mark = Stream.Mark();

        await Playground.SendMessageAsync(PlaygroundIds.PersonalChatId, question);

        var frame = await Stream.WaitForAsync(f => (string?)f["actionConversationId"] == PlaygroundIds.PersonalChatId
            && Frames.CardText(f).Contains(expected, StringComparison.Ordinal), mark, TimeSpan.FromSeconds(20));
        var result = Assert.Single(await AdaptiveCardChecker.CheckJsonAsync([("status-form", Frames.CardOf(frame)!)]));
        Assert.Empty(result.Problems);
    }

    [Fact]
    public async Task Lead_AsksAnotherSubcommitteesNonResponders_PolitelyRefused()
    {
        await LoadSeedFunnelDemoAsync();
        var mark = Stream.Mark();

        // 佐藤 健一 (lead of 福祉・健康) asks in the group chat, @mentioning the bot.
        await Playground.PostCustomActivityAsync(OtherUserActivities.Message(fixture.PlaygroundPort, "こども教育部会の未回答者は？"));

        var reply = await Stream.WaitForAsync(f => (string?)f["actionConversationId"] == PlaygroundIds.GroupChatId
            && ((string?)f["message"]?["text"])?.Contains("事務局の方にだけ", StringComparison.Ordinal) == true, mark, TimeSpan.FromSeconds(20));
        Assert.DoesNotContain(Stream.FramesSince(mark), f => (string?)f["actionConversationId"] == PlaygroundIds.GroupChatId
            && Frames.CardText(f).Contains("未回答の担当区長", StringComparison.Ordinal));
        Assert.NotNull(reply);
    }
}
