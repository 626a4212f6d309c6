using System.Text.Json.Nodes;
using Consolidation.Bot.Features.Help;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Tests.Features.Help;

/// <summary>"ヘルプ" at unit level (issue 20): the help card sent in the chat, or returned to the button that asked.</summary>
public class HelpHandlerTests
{
    private static readonly BotText Japanese = HandlerParts.Japanese;

    [Fact]
    public async Task Typed_TheHelpCardSentInTheChat()
    {
        var connector = new RecordingConnector();

        var response = await new HelpHandler().HandleAsync(HandlerTurns.Message("ヘルプ", connector), CancellationToken.None);

        Assert.Null(response);
        var card = Assert.Single(Assert.Single(connector.Sent).Attachments!).Content!.Value.GetRawText();
        Assert.Contains(Japanese[nameof(Strings.Help_Title)], card, StringComparison.Ordinal);
        // The secretariat learns from help that the dashboard tab exists and what it does there.
        Assert.Contains("「ダッシュボード」タブ", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromTheWelcomeCardsButton_TheCardIsTheInvokeResponse_NothingSent()
    {
        var response = await new HelpHandler().HandleAsync(HandlerTurns.CardAction("help", new JsonObject()), CancellationToken.None);

        Assert.Equal("application/vnd.microsoft.card.adaptive", response!.Type);
        Assert.Contains(Japanese[nameof(Strings.Help_Title)], response.Value!.Value.GetRawText(), StringComparison.Ordinal);
    }
}
