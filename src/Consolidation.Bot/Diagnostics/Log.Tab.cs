namespace Consolidation.Bot.Diagnostics;

/// <summary>The secretariat's tab: event ids 3800–3899. No token, name or email is logged (members by <see cref="MemberKey"/>).</summary>
internal static partial class Log
{
    [LoggerMessage(3800, LogLevel.Warning, "Tab request refused (401): {Reason}")]
    public static partial void TabUnauthorized(ILogger logger, string reason);

    [LoggerMessage(3801, LogLevel.Warning, "Tab request refused (403): the signed-in user {Member} is not among the review's members")]
    public static partial void TabNotMember(ILogger logger, MemberKey member);

    [LoggerMessage(3802, LogLevel.Information, "Tab {View} served to {Member} in {Milliseconds:F0} ms")]
    public static partial void TabServed(ILogger logger, string view, MemberKey member, double milliseconds);

    [LoggerMessage(3803, LogLevel.Information, "Tab request in development mode from loopback: signed in as the Playground's current user")]
    public static partial void TabDevelopmentSignIn(ILogger logger);
}
