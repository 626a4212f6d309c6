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

    public HttpStatusCode StatusCode { get; }

    /// <summary>The connector's error code, e.g. <c>BotNotInConversationRoster</c>, <c>ConversationNotFound</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>True when the member cannot be reached (403/404): record it, do not retry.</summary>
    public bool IsUnreachable => StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
}
