using System.Text.Json.Nodes;
using Consolidation.Bot.Cli;
using Consolidation.Bot.IntegrationTests.Infrastructure;

namespace Consolidation.Bot.IntegrationTests.EndToEnd;

/// <summary>
/// "ダイジェスト" through the real Playground: the secretariat (the Playground's current user) asks in her 1:1 chat and
/// the digest card appears in the council channel, and the card passes the official Adaptive Cards library.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public class DigestPlaygroundTests(PlaygroundFixture fixture)
{
    private PlaygroundClient Playground => fixture.Playground;
    private ConversationStream Stream => fixture.Stream;

    private static bool InCouncil(JsonObject f) =>
        ((string?)f["actionConversationId"])?.StartsWith(PlaygroundIds.CouncilChannelId, StringComparison.Ordinal) == true;

    [Fact]
    public async Task DigestNow_BySecretariat_PostsTheDigestCardInTheCouncilChannel()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = fixture.StorageConnectionString,
            ["Storage:TablePrefix"] = fixture.TablePrefix,
        };
        using var output = new StringWriter();
        Assert.Equal(0, await CliApplication.RunAsync(["demo", "--play-seed-funnel"], settings, output, output));
        await Playground.InstallAsync(PlaygroundIds.PersonalChatId);
        await Playground.InstallAsync(PlaygroundIds.TeamId);
        var registered = Stream.Mark();
        await Playground.SendMessageAsync(PlaygroundIds.CouncilChannelId, "推進会議チャンネルに登録", mentionBot: true);
        await Stream.WaitForAsync(f => InCouncil(f) && ((string?)f["message"]?["text"])?.Contains("登録しました", StringComparison.Ordinal) == true, registered);

        var mark = Stream.Mark();
        await Playground.SendMessageAsync(PlaygroundIds.PersonalChatId, "ダイジェスト");

        await Stream.WaitForAsync(f => (string?)f["actionConversationId"] == PlaygroundIds.PersonalChatId
            && ((string?)f["message"]?["text"])?.Contains("ダイジェストを送ります", StringComparison.Ordinal) == true, mark, TimeSpan.FromSeconds(20));
        var posted = await Stream.WaitForAsync(f => InCouncil(f) && Frames.CardText(f).Contains("進捗ダイジェスト", StringComparison.Ordinal), mark, TimeSpan.FromSeconds(30));
        var card = Frames.CardOf(posted)!;
        var text = card.ToJsonString(Json.Readable);
        Assert.Contains("812件", text, StringComparison.Ordinal);
        Assert.Contains("残す 342件", text, StringComparison.Ordinal);
        Assert.Contains("検討対象 276件", text, StringComparison.Ordinal);
        Assert.Contains("集約化等実施済 6件／引き続き検討予定 233件／検討終了 37件", text, StringComparison.Ordinal);

        var result = Assert.Single(await AdaptiveCardChecker.CheckJsonAsync([("digest-from-playground", card)]));
        Assert.All(result.Problems, p => Assert.StartsWith("Unknown element type \"Chart.", p, StringComparison.Ordinal));
    }
}
