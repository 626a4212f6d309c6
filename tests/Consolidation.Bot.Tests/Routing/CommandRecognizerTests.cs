using Consolidation.Bot.Features.Council;
using Consolidation.Bot.Features.Help;
using Consolidation.Bot.Routing.Commands;
using Consolidation.Bot.Text;

namespace Consolidation.Bot.Tests.Routing;

public class CommandRecognizerTests
{
    private static CommandRecognizer Recognizer() => new([HelpHandler.Command, RegisterCouncilHandler.Command]);

    [Theory]
    [InlineData("help", "help")]
    [InlineData("HELP", "help")]
    [InlineData("  Help!  ", "help")]
    [InlineData("ヘルプ", "help")]
    [InlineData("ﾍﾙﾌﾟ", "help")]
    [InlineData("ｈｅｌｐ", "help")]
    [InlineData("ヘルプ。", "help")]
    [InlineData("使い方", "help")]
    [InlineData("register council", "registerCouncil")]
    [InlineData("Register  Council", "registerCouncil")]
    [InlineData("推進会議チャンネルに登録", "registerCouncil")]
    [InlineData("推進会議チャンネルに登録します", null)]
    [InlineData("helpful", null)]
    [InlineData("", null)]
    public void Recognize_Phrase_MatchesCommand(string text, string? expected)
    {
        Assert.Equal(expected, Recognizer().Recognize(text)?.Name);
    }

    [Fact]
    public void Recognize_PhraseWithArguments_ReturnsRest()
    {
        var match = Recognizer().Recognize("help 　me please");

        Assert.NotNull(match);
        Assert.Equal("help", match.Name);
        Assert.Equal("me please", match.Arguments);
    }

    [Theory]
    [InlineData("<at>集約化ボット</at> register council", "register council")]
    [InlineData("<at>Bot</at>ヘルプ", "ヘルプ")]
    [InlineData("plain", "plain")]
    public void StripMentions_RemovesAtTags(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.StripMentions(text));
    }
}
