namespace Consolidation.Bot.Diagnostics;

/// <summary>Status questions: event ids 3600–3699.</summary>
internal static partial class Log
{
    [LoggerMessage(3600, LogLevel.Information, "Status question {Intent} answered in {Milliseconds:F0} ms")]
    public static partial void StatusAnswered(ILogger logger, string intent, double milliseconds);

    [LoggerMessage(3601, LogLevel.Information, "Status question {Intent} from {Sender} refused: {Access}")]
    public static partial void StatusRefused(ILogger logger, string intent, string sender, string access);
}
