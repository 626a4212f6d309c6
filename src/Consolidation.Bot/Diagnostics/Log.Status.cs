namespace Consolidation.Bot.Diagnostics;

/// <summary>Status questions: event ids 3600–3699.</summary>
internal static partial class Log
{
    [LoggerMessage(3600, LogLevel.Information, "Status question {Intent} answered in {Milliseconds:F0} ms")]
    public static partial void StatusAnswered(ILogger logger, string intent, double milliseconds);

    [LoggerMessage(3601, LogLevel.Information, "Status question {Intent} from {Sender} refused: {Access}")]
    public static partial void StatusRefused(ILogger logger, string intent, string sender, string access);

    [LoggerMessage(3602, LogLevel.Warning, "Status question {Intent}: the review was not read within {Milliseconds:F0} ms (still being read after a start?); the asker was told to ask again")]
    public static partial void StatusStillLoading(ILogger logger, string intent, double milliseconds);

    [LoggerMessage(3603, LogLevel.Warning, "A status answer for the asker only could not be sent to their 1:1 chat ({Reason}); they were asked to ask there")]
    public static partial void StatusNotSentToPersonalChat(ILogger logger, string reason);
}
