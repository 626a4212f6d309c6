using Azure.Core;
using Consolidation.Bot.Protocol.Auth;
using Microsoft.Extensions.Logging;

namespace Consolidation.Bot.Protocol.Connector;

/// <summary>
/// The connector token from an Azure <see cref="TokenCredential"/>: the host's user-assigned managed identity for
/// <see cref="BotCredentialKind.UserAssignedMsi"/> (App Service's identity endpoint), scope
/// <c>https://api.botframework.com/.default</c>. The token is kept until five minutes before it expires.
/// </summary>
public sealed class TokenCredentialBotTokenProvider : IBotTokenProvider, IDisposable
{
    private static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);
    private static readonly TokenRequestContext Request = new([MsalBotTokenProvider.Scope]);

    private readonly TokenCredential _credential;
    private readonly TimeProvider _time;
    private readonly ILogger<TokenCredentialBotTokenProvider> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AccessToken? _token;

    public TokenCredentialBotTokenProvider(TokenCredential credential, TimeProvider time, ILogger<TokenCredentialBotTokenProvider> logger)
    {
        _credential = credential;
        _time = time;
        _logger = logger;
    }

    /// <summary>The managed identity whose client id is the bot's app id.</summary>
    public static TokenCredential ManagedIdentity(BotAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Azure.Identity.ManagedIdentityCredential(Azure.Identity.ManagedIdentityId.FromUserAssignedClientId(options.AppId!));
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Current() is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Current() is { } again)
            {
                return again;
            }

            var token = await _credential.GetTokenAsync(Request, cancellationToken);
            _token = token;
            ConnectorLog.TokenAcquiredFromCredential(_logger, _credential.GetType().Name, token.ExpiresOn);
            return token.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private string? Current() =>
        _token is { } token && token.ExpiresOn - RefreshBefore > _time.GetUtcNow() ? token.Token : null;
}
