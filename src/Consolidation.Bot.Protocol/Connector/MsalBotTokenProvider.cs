using Consolidation.Bot.Protocol.Auth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace Consolidation.Bot.Protocol.Connector;

/// <summary>
/// Client-credentials token for <c>https://api.botframework.com/.default</c> through MSAL. The authority is
/// <c>https://login.microsoftonline.com/{TenantId}</c> for a single-tenant bot, <c>…/botframework.com</c> otherwise.
/// MSAL's in-memory app token cache (one instance per singleton) serves and refreshes the token.
/// </summary>
public sealed class MsalBotTokenProvider : IBotTokenProvider
{
    public const string Scope = "https://api.botframework.com/.default";
    public const string DefaultTenant = "botframework.com";
    private const string LoginHost = "https://login.microsoftonline.com/";

    private static readonly string[] Scopes = [Scope];
    private readonly IConfidentialClientApplication _application;
    private readonly ILogger<MsalBotTokenProvider> _logger;

    public MsalBotTokenProvider(IOptions<BotAuthenticationOptions> options, ILogger<MsalBotTokenProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        if (value.IsAppIdMissing || string.IsNullOrWhiteSpace(value.AppPassword))
        {
            throw new InvalidOperationException("Bot:AppId and Bot:AppPassword are required for outbound connector tokens.");
        }

        Authority = AuthorityFor(value.TenantId);
        _application = ConfidentialClientApplicationBuilder.Create(value.AppId)
            .WithClientSecret(value.AppPassword)
            .WithAuthority(Authority)
            .Build();
        _logger = logger;
    }

    /// <summary>The token authority in use.</summary>
    public string Authority { get; }

    /// <summary><c>https://login.microsoftonline.com/{tenantId or "botframework.com"}</c>.</summary>
    public static string AuthorityFor(string? tenantId) =>
        LoginHost + (string.IsNullOrWhiteSpace(tenantId) ? DefaultTenant : tenantId.Trim());

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await _application.AcquireTokenForClient(Scopes).ExecuteAsync(cancellationToken);
        ConnectorLog.TokenAcquired(_logger, Authority, result.AuthenticationResultMetadata.TokenSource);
        return result.AccessToken;
    }
}
