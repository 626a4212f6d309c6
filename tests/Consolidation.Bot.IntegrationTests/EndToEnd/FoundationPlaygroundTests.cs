using System.Text.Json.Nodes;
using Consolidation.Bot.Cards;
using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Conversations;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.EndToEnd;

/// <summary>The foundation, end to end through the real Agents Playground (no client id) and Azurite.</summary>
[Collection(PlaygroundCollection.Name)]
public class FoundationPlaygroundTests(PlaygroundFixture fixture)
{
    private PlaygroundClient Playground => fixture.Playground;
    private ConversationStream Stream => fixture.Stream;

    private static bool IsCreate(JsonObject frame, string conversationId) =>
        (string?)frame["action"] == "createMessage" && (string?)frame["actionConversationId"] == conversationId;

    private static string CardText(JsonObject frame) => Frames.CardText(frame);

    [Fact]
    public async Task TestConfig_MatchesPlaygroundIdsUsedByTests()
    {
        var config = await Playground.GetTestConfigAsync();
        var json = config.ToJsonString();

        Assert.Contains(PlaygroundIds.TenantId, json, StringComparison.Ordinal);
        Assert.Contains(PlaygroundIds.CurrentUserId, json, StringComparison.Ordinal);
        Assert.Contains(PlaygroundIds.PersonalChatId, json, StringComparison.Ordinal);
        Assert.Contains(PlaygroundIds.CouncilChannelId, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_PersonalChat_GreetsWithJapaneseWelcomeCardAndStoresReference()
    {
        var mark = Stream.Mark();

        await Playground.InstallAsync(PlaygroundIds.PersonalChatId);

        var frame = await Stream.WaitForAsync(f => IsCreate(f, PlaygroundIds.PersonalChatId) && CardText(f).Contains("ようこそ", StringComparison.Ordinal), mark);
        Assert.Equal(ContentTypes.AdaptiveCard, (string?)frame["message"]!["attachments"]![0]!["contentType"]);
        var store = fixture.Services.GetRequiredService<ConversationReferenceStore>();
        var reference = await store.GetUserAsync(PlaygroundIds.TenantId, PlaygroundIds.CurrentUserAadId, CancellationToken.None);
        Assert.NotNull(reference);
        Assert.Equal(PlaygroundIds.PersonalChatId, reference.ConversationId);
        Assert.Equal(PlaygroundIds.CurrentUserId, reference.UserId);
        Assert.StartsWith($"http://127.0.0.1:{fixture.PlaygroundPort}/_connector", reference.ServiceUrl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("ヘルプ")]
    public async Task Help_InPersonalChat_AnswersWithHelpCard(string text)
    {
        var mark = Stream.Mark();

        await Playground.SendMessageAsync(PlaygroundIds.PersonalChatId, text);

        var frame = await Stream.WaitForAsync(f => IsCreate(f, PlaygroundIds.PersonalChatId) && CardText(f).Contains("使い方", StringComparison.Ordinal), mark);
        Assert.Contains("推進会議チャンネルに登録", CardText(frame), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownText_InPersonalChat_AnswersWithPointerToHelp()
    {
        var mark = Stream.Mark();

        await Playground.SendMessageAsync(PlaygroundIds.PersonalChatId, "こんにちは");

        var frame = await Stream.WaitForAsync(f => IsCreate(f, PlaygroundIds.PersonalChatId) && ((string?)f["message"]!["text"])?.Contains("ヘルプ", StringComparison.Ordinal) == true, mark);
        Assert.Contains("こんにちは", (string?)frame["message"]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionExecute_WelcomeCardShowHelp_ReturnsHelpCardInInvokeResponse()
    {
        var mark = Stream.Mark();
        await Playground.InstallAsync(PlaygroundIds.PersonalChatId);
        var welcome = await Stream.WaitForAsync(f => IsCreate(f, PlaygroundIds.PersonalChatId) && CardText(f).Contains("ようこそ", StringComparison.Ordinal), mark);
        var messageId = (string)welcome["message"]!["messageId"]!;

        var (status, body) = await Playground.InvokeAsync(PlaygroundIds.PersonalChatId, messageId, PlaygroundIds.CurrentUserId,
            CardVerbs.ShowHelp, new JsonObject { ["verb"] = CardVerbs.ShowHelp });

        Assert.Equal(200, status);
        Assert.Equal(ContentTypes.AdaptiveCard, (string?)body!["type"]);
        Assert.Contains("使い方", body["value"]!.ToJsonString(Json.Readable), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionSubmit_WelcomeCardShowHelp_UpdatesCardMessageWithHelp()
    {
        var mark = Stream.Mark();
        await Playground.InstallAsync(PlaygroundIds.PersonalChatId);
        var welcome = await Stream.WaitForAsync(f => IsCreate(f, PlaygroundIds.PersonalChatId) && CardText(f).Contains("ようこそ", StringComparison.Ordinal), mark);
        var messageId = (string)welcome["message"]!["messageId"]!;

        await Playground.SubmitAsync(PlaygroundIds.PersonalChatId, messageId, PlaygroundIds.CurrentUserId, new JsonObject { ["verb"] = CardVerbs.ShowHelp });

        var update = await Stream.WaitForAsync(f => (string?)f["action"] == "updateMessage" && (string?)f["message"]?["messageId"] == messageId, mark);
        Assert.Contains("使い方", CardText(update), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proactive_UserWithoutStoredChat_CreatesConversationFromTeamRosterAndDeliversCard()
    {
        var store = fixture.Services.GetRequiredService<ConversationReferenceStore>();
        var mark = Stream.Mark();
        await Playground.InstallAsync(PlaygroundIds.TeamId);
        await WaitUntilAsync(async () => (await store.ListAsync(PlaygroundIds.TenantId, ConversationKind.Team, CancellationToken.None)).Count > 0);
        await store.DeleteUserAsync(PlaygroundIds.TenantId, PlaygroundIds.CurrentUserAadId, CancellationToken.None);
        var card = new AdaptiveCard { Body = [new TextBlock("プロアクティブ送信のテスト")] };

        var messenger = fixture.Services.GetRequiredService<ProactiveMessenger>();
        var sent = await messenger.SendToUserAsync(PlaygroundIds.TenantId, PlaygroundIds.CurrentUserAadId,
            new Activity { Attachments = [CardAttachment.From(card)] }, CancellationToken.None);

        Assert.NotNull(sent.Id);
        await Stream.WaitForAsync(f => IsCreate(f, PlaygroundIds.PersonalChatId) && CardText(f).Contains("プロアクティブ送信のテスト", StringComparison.Ordinal), mark);
        var reference = await store.GetUserAsync(PlaygroundIds.TenantId, PlaygroundIds.CurrentUserAadId, CancellationToken.None);
        Assert.Equal(PlaygroundIds.PersonalChatId, reference!.ConversationId);
    }

    [Fact]
    public async Task RegisterCouncil_InCouncilChannel_ConfirmsAndLaterPostsReachThatChannel()
    {
        // Only the review's secretariat may register: the demo review makes the Playground's user that. Loaded whatever
        // is there: a test before this one may have imported a review in which the Playground's user is not the secretariat.
        using (var output = new StringWriter())
        {
            Assert.Equal(0, await Consolidation.Bot.Cli.CliApplication.RunAsync(["demo"], new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = fixture.StorageConnectionString,
                ["Storage:TablePrefix"] = fixture.TablePrefix,
            }, output, output));
        }

        var mark = Stream.Mark();

        await Playground.SendMessageAsync(PlaygroundIds.CouncilChannelId, "推進会議チャンネルに登録", mentionBot: true);

        await Stream.WaitForAsync(f => ((string?)f["actionConversationId"])?.StartsWith(PlaygroundIds.CouncilChannelId, StringComparison.Ordinal) == true
            && ((string?)f["message"]?["text"])?.Contains("推進会議チャンネルとして登録しました", StringComparison.Ordinal) == true, mark);
        var store = fixture.Services.GetRequiredService<ConversationReferenceStore>();
        var council = await store.GetCouncilChannelAsync(PlaygroundIds.TenantId, CancellationToken.None);
        Assert.Equal(PlaygroundIds.CouncilChannelId, council!.ConversationId);

        var postMark = Stream.Mark();
        var messenger = fixture.Services.GetRequiredService<ProactiveMessenger>();
        var posted = await messenger.SendToCouncilAsync(PlaygroundIds.TenantId,
            new Activity { Type = ActivityTypes.Message, Text = "推進会議への投稿テスト", TextFormat = "plain" }, CancellationToken.None);

        Assert.NotNull(posted);
        await Stream.WaitForAsync(f => ((string?)f["actionConversationId"])?.StartsWith(PlaygroundIds.CouncilChannelId, StringComparison.Ordinal) == true
            && (string?)f["message"]?["text"] == "推進会議への投稿テスト", postMark);
    }

    [Fact]
    public async Task RegisterCouncil_InPersonalChat_ExplainsItMustBeAChannel()
    {
        var mark = Stream.Mark();

        await Playground.SendMessageAsync(PlaygroundIds.PersonalChatId, "register council");

        await Stream.WaitForAsync(f => IsCreate(f, PlaygroundIds.PersonalChatId)
            && ((string?)f["message"]?["text"])?.Contains("チャンネルで", StringComparison.Ordinal) == true, mark);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(100);
        }
    }
}
