using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Connector;

namespace Consolidation.Bot.Tests.Features;

/// <summary>
/// The chat message the secretariat gets for a member the bot could not reach gives the same advice as the tab's list
/// of unreachable members, by the connector's reason (it used to say "the app may not be installed" for every reason,
/// a blocked bot and a wrong email included).
/// </summary>
public class UnreachableReportTests
{
    private static readonly Member Kobayashi = new() { Email = "naoki.kobayashi@city.example.jp", Name = "小林 直樹" };

    [Theory]
    [InlineData("MemberNotFound", "ボットのいるチームにも見つかりません")]
    [InlineData("BotNotInConversationRoster", "アプリが入っていません")]
    [InlineData("ConversationBlockedByUser", "ボットがブロックされたか")]
    [InlineData(ConnectorException.ServiceUrlNotAllowedCode, "Bot:ServiceUrlHosts")]
    [InlineData("InternalServerError", "名簿のメールアドレスを確認し")]
    public void UnreachableText_NamesTheMemberTheReasonAndWhatToDo(string reason, string advice)
    {
        var text = HandlerParts.Composer().UnreachableText(Kobayashi, reason);

        Assert.StartsWith("小林 直樹（naoki.kobayashi@city.example.jp）さんに調査票を届けられませんでした（理由: " + reason + "）。", text, StringComparison.Ordinal);
        Assert.Contains(advice, text, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreachableText_ForABlockedBot_DoesNotBlameTheInstallation()
    {
        var text = HandlerParts.Composer().UnreachableText(Kobayashi, "ConversationBlockedByUser");

        Assert.DoesNotContain(HandlerParts.Japanese[nameof(Strings.Unreachable_Fix_NotInstalled)], text, StringComparison.Ordinal);
        Assert.DoesNotContain("未インストールの可能性", text, StringComparison.Ordinal);
    }
}
