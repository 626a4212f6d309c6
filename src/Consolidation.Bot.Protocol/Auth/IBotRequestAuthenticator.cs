using Consolidation.Bot.Protocol.Schema;

namespace Consolidation.Bot.Protocol.Auth;

/// <summary>
/// Decides whether a request to <c>/api/messages</c> really comes from the Bot Connector for this bot
/// (PROTOCOL.md 1.2–1.4). Never throws for a bad token: the result carries the HTTP status to answer.
/// </summary>
public interface IBotRequestAuthenticator
{
    /// <param name="authorizationHeader">The raw <c>Authorization</c> header, or null when absent.</param>
    /// <param name="activity">The parsed activity; its <c>serviceUrl</c> and <c>channelId</c> are checked against the token.</param>
    /// <param name="cancellationToken">Cancels metadata retrieval.</param>
    Task<BotAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}
