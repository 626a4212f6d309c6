namespace Consolidation.Bot.Diagnostics;

/// <summary>Scheduled digests and reminders: event ids 3500–3599.</summary>
internal static partial class Log
{
    [LoggerMessage(3500, LogLevel.Information, "Scheduled {Kind} due for slot {Slot:O}")]
    public static partial void RunDue(ILogger logger, string kind, DateTimeOffset slot);

    [LoggerMessage(3501, LogLevel.Information, "Run {RunKey} queued (review {ReviewId})")]
    public static partial void RunQueued(ILogger logger, string runKey, string reviewId);

    [LoggerMessage(3502, LogLevel.Debug, "Run {RunKey} is another instance's ({ClaimedBy})")]
    public static partial void RunClaimedElsewhere(ILogger logger, string runKey, string claimedBy);

    [LoggerMessage(3503, LogLevel.Warning, "Run {RunKey} taken over from {ClaimedBy}, which claimed it and did not queue it")]
    public static partial void RunTakenOver(ILogger logger, string runKey, string claimedBy);

    [LoggerMessage(3504, LogLevel.Warning, "Scheduler cannot reach storage; it will look again")]
    public static partial void SchedulerStorageUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(3505, LogLevel.Information, "Run {RunKey} posted to the council channel of tenant {TenantId}")]
    public static partial void CouncilPosted(ILogger logger, string runKey, string tenantId);

    [LoggerMessage(3506, LogLevel.Warning, "Digest of run {RunKey}: no council channel is registered; nothing posted")]
    public static partial void DigestNoCouncil(ILogger logger, string runKey);

    [LoggerMessage(3507, LogLevel.Information, "Run {RunKey}: {Reminders} reminders and {Escalations} escalations queued")]
    public static partial void RemindersQueued(ILogger logger, string runKey, int reminders, int escalations);

    [LoggerMessage(3510, LogLevel.Error, "Scheduled work: the review's tenant is not known (the bot has conversations in {Tenants} tenants); nothing sent. Set Bot:TenantId")]
    public static partial void ScheduleTenantUnknown(ILogger logger, int tenants);

    [LoggerMessage(3508, LogLevel.Information, "Run {RunKey}: {Kind} sent to {Member}")]
    public static partial void ReminderSent(ILogger logger, string runKey, string kind, MemberKey member);

    [LoggerMessage(3509, LogLevel.Warning, "Run {RunKey}: {Member} cannot be reached ({Reason}); not retried")]
    public static partial void ReminderUnreachable(ILogger logger, string runKey, MemberKey member, string reason);
}
