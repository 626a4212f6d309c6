using Consolidation.Bot.Protocol.Schema;

namespace Consolidation.Bot.Diagnostics;

/// <summary>
/// All host log messages. Event ids: 3000–3099 routing, 3100–3199 conversations and proactive sends,
/// 3200–3299 storage, 3300–3399 features.
/// </summary>
internal static partial class Log
{
    /// <summary>A scope with the turn's activity id, type, conversation and tenant on every log line of the turn.</summary>
    public static IDisposable? BeginTurnScope(ILogger logger, Activity activity) =>
        logger.BeginScope(new Dictionary<string, object?>
        {
            ["ActivityId"] = activity.Id,
            ["ActivityType"] = activity.Type,
            ["ConversationId"] = activity.Conversation?.Id,
            ["TenantId"] = ActivityTenant.TenantIdOf(activity),
        });

    [LoggerMessage(3000, LogLevel.Debug, "Dispatching {ActivityType} to route {Route}")]
    public static partial void Dispatching(ILogger logger, string? activityType, string route);

    [LoggerMessage(3001, LogLevel.Information, "Activity {ActivityType} acknowledged and ignored (no route '{Route}')")]
    public static partial void Ignored(ILogger logger, string? activityType, string route);

    [LoggerMessage(3002, LogLevel.Warning, "Invoke {InvokeName} has no handler (route '{Route}')")]
    public static partial void UnhandledInvoke(ILogger logger, string? invokeName, string route);

    [LoggerMessage(3003, LogLevel.Error, "Handler for route {Route} failed")]
    public static partial void HandlerFailed(ILogger logger, string route, Exception exception);

    [LoggerMessage(3005, LogLevel.Warning, "Storage unavailable while handling route {Route}; the sender was asked to try again and nothing was stored")]
    public static partial void StorageUnavailable(ILogger logger, string route, Exception exception);

    [LoggerMessage(3004, LogLevel.Warning, "Could not send the error reply")]
    public static partial void ReplyFailed(ILogger logger, Exception exception);

    [LoggerMessage(3100, LogLevel.Information, "Conversation reference recorded: {Kind} {ConversationId}")]
    public static partial void ReferenceRecorded(ILogger logger, string kind, string conversationId);

    [LoggerMessage(3101, LogLevel.Warning, "Conversation reference could not be stored; the turn goes on")]
    public static partial void ReferenceRecordFailed(ILogger logger, Exception exception);

    [LoggerMessage(3102, LogLevel.Information, "Proactive 1:1 conversation created for user {UserId}: {ConversationId}")]
    public static partial void ConversationCreated(ILogger logger, string userId, string? conversationId);

    [LoggerMessage(3300, LogLevel.Information, "Council channel registered: {ChannelId} in team {TeamId} by {UserId}")]
    public static partial void CouncilRegistered(ILogger logger, string channelId, string? teamId, string? userId);

    [LoggerMessage(3302, LogLevel.Warning, "Council channel registration by {UserId} refused: not the secretariat of the active review")]
    public static partial void CouncilRegistrationRefused(ILogger logger, string userId);

    [LoggerMessage(3303, LogLevel.Warning, "The council-channel change could not be told to secretariat member {UserId} ({StatusCode} {ErrorCode})")]
    public static partial void CouncilNoticeNotDelivered(ILogger logger, string userId, System.Net.HttpStatusCode statusCode, string? errorCode);

    [LoggerMessage(3205, LogLevel.Warning, "Card action {Verb} from {UserId} refused: not a member of the active review")]
    public static partial void CardActionFromNonMember(ILogger logger, string verb, string userId);

    [LoggerMessage(3206, LogLevel.Information, "Card action {Verb} refused: the card belongs to review {CardReviewId}, the active review is {ReviewId}")]
    public static partial void CardOfEarlierReview(ILogger logger, string verb, string cardReviewId, string reviewId);

    [LoggerMessage(3301, LogLevel.Information, "Unrecognized message in {ConversationType}")]
    public static partial void Unrecognized(ILogger logger, string conversationType);

    [LoggerMessage(3200, LogLevel.Information, "Decision stored for task {TaskId}: {Kind}, version {Version}, by {By}")]
    public static partial void DecisionStored(ILogger logger, string taskId, string kind, int version, MemberKey by);

    [LoggerMessage(3201, LogLevel.Warning, "Decision refused for task {TaskId} by {By}: {Error}; nothing stored")]
    public static partial void DecisionRefused(ILogger logger, string taskId, MemberKey by, string error);

    [LoggerMessage(3202, LogLevel.Information, "Duplicate submission for task {TaskId} by {By}: already stored, nothing written")]
    public static partial void DuplicateSubmission(ILogger logger, string taskId, MemberKey by);

    [LoggerMessage(3210, LogLevel.Information, "Review {ReviewId} read into memory at start-up: {Tasks} tasks in {Milliseconds:F0} ms")]
    public static partial void ReviewWarmed(ILogger logger, string reviewId, int tasks, double milliseconds);

    [LoggerMessage(3212, LogLevel.Information, "Conversation references read into memory at start-up: {Count} users in {Milliseconds:F0} ms")]
    public static partial void ReferencesWarmed(ILogger logger, int count, double milliseconds);

    [LoggerMessage(3211, LogLevel.Warning, "The active review or the conversation references could not be read at start-up; turns read them as they go")]
    public static partial void ReviewWarmFailed(ILogger logger, Exception exception);

    [LoggerMessage(3203, LogLevel.Debug, "Task {TaskId} changed concurrently; deciding again on fresh data (attempt {Attempt})")]
    public static partial void DecisionConflict(ILogger logger, string taskId, int attempt);

    [LoggerMessage(3900, LogLevel.Warning, "The shared send budget could not be read or saved; granting from this instance's last copy (the tenant's limit holds for this instance, not across instances, until the store answers)")]
    public static partial void SendBudgetUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(3901, LogLevel.Information, "The shared send budget was claimed at the {Attempt}th attempt (other instances wrote it first) for {Count} sends")]
    public static partial void SendBudgetContended(ILogger logger, int attempt, int count);

    [LoggerMessage(3400, LogLevel.Warning, "Outbox queue unavailable; will poll again")]
    public static partial void OutboxUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(3401, LogLevel.Warning, "Outbox message of unknown kind {Kind} (delivery {Count} of {Max}): left for an instance that knows it, then moved to the poison queue")]
    public static partial void OutboxUnknownKind(ILogger logger, string kind, long count, int max);

    [LoggerMessage(3402, LogLevel.Error, "Outbox message {Kind} for {Member} failed {Count} times and was moved to the poison queue")]
    public static partial void OutboxPoison(ILogger logger, string kind, MemberKey member, long count, Exception? exception);

    [LoggerMessage(3409, LogLevel.Error, "Outbox message {MessageId} cannot be read ({Reason}); moved to the poison queue as received")]
    public static partial void OutboxMalformed(ILogger logger, string messageId, string reason);

    [LoggerMessage(3411, LogLevel.Warning, "Sweep: queued the next card of {Count} members of review {ReviewId} who were owed one and had none queued")]
    public static partial void SweepQueuedCards(ILogger logger, int count, string reviewId);

    [LoggerMessage(3414, LogLevel.Debug, "Sweep of review {ReviewId}: {Owed} members owed a card, {Due} of them owed one at the last sweep too")]
    public static partial void SweepDone(ILogger logger, string reviewId, int owed, int due);

    [LoggerMessage(3412, LogLevel.Warning, "Sweep for owed cards failed (storage unavailable: {StorageUnavailable}); it will look again")]
    public static partial void SweepFailed(ILogger logger, bool storageUnavailable, Exception exception);

    [LoggerMessage(3413, LogLevel.Warning, "The answer to task {TaskId} is stored, but the member's next card could not be queued now; the sweep will queue it")]
    public static partial void NextCardNotQueued(ILogger logger, string taskId, Exception exception);

    [LoggerMessage(3410, LogLevel.Error, "Outbox worker: an unexpected failure; the worker goes on")]
    public static partial void OutboxWorkerFailure(ILogger logger, Exception exception);

    [LoggerMessage(3403, LogLevel.Warning, "Outbox message {Kind} for {Member} failed; it will come back after its lease")]
    public static partial void OutboxRetryLater(ILogger logger, string kind, MemberKey member, Exception exception);

    [LoggerMessage(3404, LogLevel.Information, "Questionnaire card for task {TaskId} sent to {Member}")]
    public static partial void CardSent(ILogger logger, string taskId, MemberKey member);

    [LoggerMessage(3406, LogLevel.Information, "The abandoned send of the card for task {TaskId} to {Member} had reached the chat ({MessageId}); recorded, not sent again")]
    public static partial void AbandonedSendFound(ILogger logger, string taskId, MemberKey member, string messageId);

    [LoggerMessage(3407, LogLevel.Warning, "The card for task {TaskId} to {Member} was claimed and never recorded as sent; sending it again, and without reading the chat through Microsoft Graph it may arrive twice")]
    public static partial void AbandonedSendRepeated(ILogger logger, string taskId, MemberKey member);

    [LoggerMessage(3408, LogLevel.Warning, "Could not read the chat of {Member} through Microsoft Graph to find the card for task {TaskId}")]
    public static partial void SentCardCheckFailed(ILogger logger, Exception exception, string taskId, MemberKey member);

    [LoggerMessage(3405, LogLevel.Warning, "Member {Member} cannot be reached ({Reason}); recorded, not retried")]
    public static partial void MemberUnreachable(ILogger logger, MemberKey member, string reason);
}
