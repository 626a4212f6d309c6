using Microsoft.IdentityModel.Tokens;

namespace Consolidation.Bot.Protocol.Auth;

/// <summary>
/// The one lifetime check for every token the bot accepts (the Bot Connector's and the tab's Teams SSO token): on the
/// injected clock rather than the machine's, throwing the specific exception so the logged reason is precise.
/// </summary>
public static class TokenLifetime
{
    public static LifetimeValidator Validator(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return (notBefore, expires, _, parameters) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            if (expires is not { } exp)
            {
                throw new SecurityTokenNoExpirationException("The token has no expiry.");
            }

            if (now > exp.ToUniversalTime() + parameters.ClockSkew)
            {
                throw new SecurityTokenExpiredException("The token has expired.") { Expires = exp };
            }

            if (notBefore is { } nbf && now < nbf.ToUniversalTime() - parameters.ClockSkew)
            {
                throw new SecurityTokenNotYetValidException("The token is not yet valid.") { NotBefore = nbf };
            }

            return true;
        };
    }
}
