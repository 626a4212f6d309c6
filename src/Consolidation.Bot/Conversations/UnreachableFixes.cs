using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Conversations;

/// <summary>
/// What the secretariat can do about a member the bot could not reach, from the connector's recorded reason: the one
/// mapping behind the tab's list of unreachable members and the message the secretariat gets in chat.
/// </summary>
public static class UnreachableFixes
{
    /// <summary>The resource key of the advice for <paramref name="reason"/> (an error code or an HTTP status).</summary>
    public static string KeyFor(string? reason) => reason switch
    {
        // The bot found no 1:1 chat and no team roster with the person (ProactiveMessenger), or Graph has no such user.
        "MemberNotFound" => nameof(Strings.Unreachable_Fix_MemberNotFound),
        // The connector cannot create or find the person's chat: the app was never installed for them.
        "ConversationNotFound" or "NotFound" or "BotNotInConversationRoster" => nameof(Strings.Unreachable_Fix_NotInstalled),
        "Forbidden" or "BotDisabledByAdmin" or "ConversationBlockedByUser" => nameof(Strings.Unreachable_Fix_Blocked),
        Protocol.Connector.ConnectorException.ServiceUrlNotAllowedCode => nameof(Strings.Unreachable_Fix_ServiceUrl),
        _ => nameof(Strings.Unreachable_Fix_Other),
    };
}
