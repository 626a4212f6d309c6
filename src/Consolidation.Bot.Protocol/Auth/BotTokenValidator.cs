using System.Security.Claims;
using Consolidation.Bot.Protocol.Inbound;
using Consolidation.Bot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Consolidation.Bot.Protocol.Auth;

/// <summary>
/// Validates the Bot Connector's bearer token (PROTOCOL.md 1.2/1.3) in this order: Bearer scheme, readable JWT,
/// RS256/RS384/RS512 only, accepted issuer (and for Entra issuers the configured <c>tid</c>), then signature,
/// audience and lifetime (5 minutes skew) against the issuer's OpenID keys, then the <c>serviceurl</c> claim and
/// the signing key's channel endorsement (required for Bot Framework-issued tokens). In development mode (no AppId, the
/// Development environment; the endpoint has already checked that the request came from loopback) everything is
/// accepted; with no AppId in any other environment nothing is.
/// </summary>
internal sealed class BotTokenValidator : IBotRequestAuthenticator
{
    public const string AnonymousAuthenticationType = "anonymous";
    public const string ServiceUrlClaim = "serviceurl";
    public const string TenantIdClaim = "tid";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    public static readonly IReadOnlyList<string> AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private const string BearerPrefix = "Bearer ";

    private readonly BotAuthenticationOptions _options;
    private readonly IOpenIdMetadataSource _metadata;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<BotTokenValidator> _logger;
    private readonly DevelopmentMode _developmentMode;
    private readonly JsonWebTokenHandler _handler = new();

    public BotTokenValidator(
        IOptions<BotAuthenticationOptions> options,
        IOpenIdMetadataSource metadata,
        TimeProvider timeProvider,
        ILogger<BotTokenValidator> logger,
        DevelopmentMode developmentMode)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _developmentMode = developmentMode;
        _metadata = metadata;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<BotAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (_developmentMode.IsEnabled)
        {
            InboundLog.DevelopmentModeRequestAccepted(_logger);
            return BotAuthenticationResult.Success(new ClaimsIdentity(AnonymousAuthenticationType));
        }

        if (_options.IsAppIdMissing)
        {
            InboundLog.AuthenticationRejected(_logger, 401, "Bot:AppId is not configured");
            return BotAuthenticationResult.Unauthorized("The bot has no app id configured outside development mode.");
        }

        var result = await ValidateAsync(authorizationHeader, activity, cancellationToken);
        if (!result.Succeeded)
        {
            InboundLog.AuthenticationRejected(_logger, result.StatusCode, result.Reason);
        }

        return result;
    }

    private async Task<BotAuthenticationResult> ValidateAsync(
        string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return BotAuthenticationResult.Unauthorized("No Authorization header.");
        }

        if (!authorizationHeader.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthenticationResult.Unauthorized("The Authorization header must use the Bearer scheme.");
        }

        var token = authorizationHeader[BearerPrefix.Length..].Trim();
        var jwt = TryRead(token);
        if (jwt is null)
        {
            return BotAuthenticationResult.Unauthorized("The bearer token is not a well-formed JWT.");
        }

        if (!AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return BotAuthenticationResult.Unauthorized("The token's signing algorithm is not allowed (RS256, RS384, RS512 only).");
        }

        var issuer = BotTokenIssuers.Resolve(jwt.Issuer, _options);
        if (issuer is null)
        {
            return BotAuthenticationResult.Unauthorized("The token issuer is not accepted.");
        }

        if (issuer.IsEntra && !TenantClaimMatches(jwt, issuer.EntraTenantId!))
        {
            return BotAuthenticationResult.Unauthorized("The token's tenant does not match the configured tenant.");
        }

        return await ValidateSignedTokenAsync(token, jwt, issuer, activity, cancellationToken);
    }

    private async Task<BotAuthenticationResult> ValidateSignedTokenAsync(
        string token, JsonWebToken jwt, BotTokenIssuer issuer, Activity activity, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        TokenValidationResult validation;
        try
        {
            configuration = await _metadata.GetAsync(issuer.MetadataUrl, cancellationToken);
            validation = await _handler.ValidateTokenAsync(token, CreateParameters(configuration));
            if (validation.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                InboundLog.SigningKeyNotFound(_logger, jwt.Kid, issuer.MetadataUrl);
                _metadata.RequestRefresh(issuer.MetadataUrl);
                configuration = await _metadata.GetAsync(issuer.MetadataUrl, cancellationToken);
                validation = await _handler.ValidateTokenAsync(token, CreateParameters(configuration));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or HttpRequestException)
        {
            InboundLog.MetadataUnavailable(_logger, issuer.MetadataUrl, ex);
            return BotAuthenticationResult.Unavailable("The token issuer's signing keys could not be loaded.");
        }

        if (!validation.IsValid)
        {
            var reason = TokenFailureReasons.Describe(validation.Exception);
            InboundLog.TokenValidationFailed(_logger, validation.Exception?.GetType().Name ?? "unknown", reason);
            return BotAuthenticationResult.Unauthorized(reason);
        }

        return Authorize(validation, configuration, issuer, activity);
    }

    private static BotAuthenticationResult Authorize(
        TokenValidationResult validation, OpenIdConnectConfiguration configuration, BotTokenIssuer issuer, Activity activity)
    {
        var serviceUrl = validation.ClaimsIdentity.FindFirst(ServiceUrlClaim)?.Value;
        if (string.IsNullOrEmpty(serviceUrl))
        {
            return BotAuthenticationResult.Forbidden("The token has no serviceurl claim.");
        }

        if (!string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthenticationResult.Forbidden("The token's serviceurl claim does not match the activity's serviceUrl.");
        }

        var signingKey = (validation.SecurityToken as JsonWebToken)?.SigningKey;
        if (!KeyEndorsements.Allows(configuration, signingKey, activity.ChannelId, requireEndorsements: !issuer.IsEntra))
        {
            return BotAuthenticationResult.Forbidden("The signing key is not endorsed for the activity's channel.");
        }

        return BotAuthenticationResult.Success(validation.ClaimsIdentity);
    }

    private TokenValidationParameters CreateParameters(OpenIdConnectConfiguration configuration)
    {
        var appId = _options.AppId!;
        return new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuers = BotTokenIssuers.ValidIssuers(_options),
            ValidateAudience = true,
            ValidAudiences = [appId, $"api://{appId}", $"api://botid-{appId}"],
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = TokenLifetime.Validator(_timeProvider),
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = AllowedAlgorithms,
        };
    }

    private static bool TenantClaimMatches(JsonWebToken jwt, string tenantId) =>
        jwt.TryGetPayloadValue<string>(TenantIdClaim, out var tid)
        && string.Equals(tid, tenantId, StringComparison.OrdinalIgnoreCase);

    private JsonWebToken? TryRead(string token)
    {
        if (token.Length == 0 || !_handler.CanReadToken(token))
        {
            return null;
        }

        try
        {
            return _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return null;
        }
    }
}
