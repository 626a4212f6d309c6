namespace Consolidation.Bot.Protocol.Connector;

/// <summary>Development mode (no AppId): no token, so no <c>Authorization</c> header is sent.</summary>
public sealed class NoBotTokenProvider : IBotTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}
