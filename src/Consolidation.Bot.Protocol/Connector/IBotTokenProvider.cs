namespace Consolidation.Bot.Protocol.Connector;

/// <summary>Supplies the bearer token for outbound Bot Connector calls.</summary>
public interface IBotTokenProvider
{
    /// <summary>The access token, or <see langword="null"/> when calls go out unauthenticated (development mode).</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>Development mode (no AppId): no token, so no <c>Authorization</c> header is sent.</summary>
public sealed class NoBotTokenProvider : IBotTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}
