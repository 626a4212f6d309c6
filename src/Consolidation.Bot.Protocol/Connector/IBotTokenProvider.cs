namespace Consolidation.Bot.Protocol.Connector;

/// <summary>Supplies the bearer token for outbound Bot Connector calls.</summary>
public interface IBotTokenProvider
{
    /// <summary>The access token, or <see langword="null"/> when calls go out unauthenticated (development mode).</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}
