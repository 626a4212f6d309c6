using Microsoft.Extensions.Logging;

namespace Consolidation.Bot.Protocol.Inbound;

/// <summary>Log messages of the inbound pipeline (<c>/api/messages</c> and token validation), event ids 1000–1099.</summary>
internal static partial class InboundLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Warning,
        Message = "Bot:AppId is empty in the Development environment: development mode, unsigned requests to /api/messages are accepted from loopback only. Never run like this in production.")]
    public static partial void DevelopmentModeEnabled(ILogger logger);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Critical, Message = "Refusing to start: {Problem}")]
    public static partial void RefusingToStart(ILogger logger, string problem);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "Inbound request rejected by authentication with {StatusCode}: {Reason}")]
    public static partial void AuthenticationRejected(ILogger logger, int statusCode, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "Token validation failed ({ExceptionType}): {Reason}")]
    public static partial void TokenValidationFailed(ILogger logger, string exceptionType, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error,
        Message = "OpenID metadata {MetadataUrl} could not be loaded; inbound request rejected")]
    public static partial void MetadataUnavailable(ILogger logger, string metadataUrl, Exception exception);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information,
        Message = "Signing key {KeyId} not found in {MetadataUrl}; refreshing the keys and retrying once")]
    public static partial void SigningKeyNotFound(ILogger logger, string? keyId, string metadataUrl);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug,
        Message = "Development mode: request accepted without token validation")]
    public static partial void DevelopmentModeRequestAccepted(ILogger logger);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning,
        Message = "Inbound request rejected with 415: content type {ContentType} is not application/json")]
    public static partial void UnsupportedMediaType(ILogger logger, string? contentType);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning,
        Message = "Inbound request rejected with 413: body larger than {MaxBytes} bytes")]
    public static partial void BodyTooLarge(ILogger logger, long maxBytes);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning,
        Message = "Inbound request rejected with 400: {Reason}")]
    public static partial void MalformedActivity(ILogger logger, string reason);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Warning,
        Message = "Inbound activity {ActivityId} rejected with 403: tenant {TenantId} is not allowed")]
    public static partial void TenantRejected(ILogger logger, string? activityId, string? tenantId);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Warning,
        Message = "Inbound request rejected with {StatusCode}: unsigned request outside development mode or not from loopback")]
    public static partial void UnsignedRequestRefused(ILogger logger, int statusCode);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Warning,
        Message = "Inbound activity {ActivityId} rejected with 403: channel {ChannelId} is not accepted")]
    public static partial void ChannelRejected(ILogger logger, string? activityId, string? channelId);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Debug,
        Message = "Processing {ActivityType} activity {ActivityId}")]
    public static partial void ProcessingActivity(ILogger logger, string? activityType, string? activityId);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Information,
        Message = "Invoke {InvokeName} (activity {ActivityId}) was not handled; answering 501")]
    public static partial void InvokeNotHandled(ILogger logger, string? invokeName, string? activityId);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Warning,
        Message = "Invoke {InvokeName} took {ElapsedMs} ms; Teams expects invoke answers within {BudgetMs} ms")]
    public static partial void SlowInvoke(ILogger logger, string? invokeName, long elapsedMs, long budgetMs);

    [LoggerMessage(EventId = 1023, Level = LogLevel.Error,
        Message = "Processing {ActivityType} activity {ActivityId} exceeded the turn timeout of {TimeoutMs} ms")]
    public static partial void TurnTimedOut(ILogger logger, string? activityType, string? activityId, long timeoutMs);
}
