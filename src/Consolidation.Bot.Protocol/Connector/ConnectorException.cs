using System.Net;

namespace Consolidation.Bot.Protocol.Connector;

/// <summary>A connector call that failed for good (non-retryable status, or retries exhausted).</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException(HttpStatusCode statusCode, string? errorCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public ConnectorException() : this(0, null, "Connector call failed") { }

    public ConnectorException(string message) : this(0, null, message) { }

    public ConnectorException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The error code of a call refused before sending because its service URL is not allowed.</summary>
    public const string ServiceUrlNotAllowedCode = "ServiceUrlNotAllowed";

    /// <summary>A call refused by <see cref="ServiceUrlPolicy"/>: nothing was sent.</summary>
    public static ConnectorException ServiceUrlNotAllowed(string method, string host) =>
        new(0, ServiceUrlNotAllowedCode, $"Connector {method} refused: the service URL host '{host}' is not allowed; nothing was sent.");

    public HttpStatusCode StatusCode { get; }

    /// <summary>The connector's error code, e.g. <c>BotNotInConversationRoster</c>, <c>ConversationNotFound</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>True when the call was refused before sending because its service URL is not allowed.</summary>
    public bool IsServiceUrlRefused => ErrorCode == ServiceUrlNotAllowedCode && StatusCode == 0;

    /// <summary>True when the member cannot be reached (403/404, or a refused service URL): record it, do not retry.</summary>
    public bool IsUnreachable => StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound || IsServiceUrlRefused;
}
