namespace Consolidation.Bot.Diagnostics;

/// <summary>Microsoft Graph: event ids 3700–3799.</summary>
internal static partial class Log
{
    [LoggerMessage(3700, LogLevel.Information, "Teams app installed for user {UserId} (or already was); 1:1 chat {ChatId}")]
    public static partial void AppInstalledForUser(ILogger logger, string userId, string chatId);
}
