using System.Net;
using Microsoft.Extensions.Logging;

namespace Consolidation.Bot.Protocol.Connector;

/// <summary>Log messages of the outbound connector (event ids 2000-2099).</summary>
internal static partial class ConnectorLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning,
        Message = "Connector call failed with {StatusCode}; retry {Attempt} in {DelayMs} ms")]
    public static partial void RetryingStatus(ILogger logger, int statusCode, int attempt, double delayMs);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "Connector call failed ({ExceptionType}); retry {Attempt} in {DelayMs} ms")]
    public static partial void RetryingException(ILogger logger, string exceptionType, int attempt, double delayMs, Exception exception);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Debug,
        Message = "Self-throttling conversation {ConversationKey} in tenant {TenantId} for {DelayMs} ms")]
    public static partial void ThrottleWait(ILogger logger, string conversationKey, string tenantId, double delayMs);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Warning,
        Message = "Connector {Method} {Path} failed with {StatusCode} {ErrorCode}: {ErrorMessage}")]
    public static partial void CallFailed(ILogger logger, string method, string path, HttpStatusCode statusCode, string? errorCode, string? errorMessage);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Warning,
        Message = "Connector {Method} {Path} failed without a response")]
    public static partial void CallFailedWithoutResponse(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Error,
        Message = "Connector {Method} to host {Host} refused: the service URL is not an allowed Bot Connector URL (https on a listed host; Bot:ServiceUrlHosts adds hosts). Nothing was sent")]
    public static partial void ServiceUrlRefused(ILogger logger, string method, string host);

    [LoggerMessage(EventId = 2030, Level = LogLevel.Debug,
        Message = "Bot token acquired from {Authority} (source {TokenSource})")]
    public static partial void TokenAcquired(ILogger logger, string authority, Microsoft.Identity.Client.TokenSource tokenSource);

    [LoggerMessage(EventId = 2031, Level = LogLevel.Debug,
        Message = "Bot token acquired from {Credential}, valid until {ExpiresOn:O}")]
    public static partial void TokenAcquiredFromCredential(ILogger logger, string credential, DateTimeOffset expiresOn);
}
