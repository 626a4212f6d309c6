using Microsoft.IdentityModel.Tokens;

namespace Consolidation.Bot.Protocol.Auth;

/// <summary>Fixed, caller-safe texts for token validation failures (the library's messages may carry token data).</summary>
internal static class TokenFailureReasons
{
    public static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not yet valid.",
        SecurityTokenNoExpirationException => "The token has no expiry.",
        SecurityTokenInvalidLifetimeException => "The token is outside its validity period.",
        SecurityTokenInvalidAudienceException => "The token audience is not this bot.",
        SecurityTokenInvalidIssuerException => "The token issuer is not accepted.",
        SecurityTokenInvalidAlgorithmException => "The token's signing algorithm is not allowed.",
        SecurityTokenSignatureKeyNotFoundException => "The token's signing key is unknown.",
        SecurityTokenInvalidSignatureException => "The token signature is invalid.",
        SecurityTokenMalformedException => "The bearer token is not a well-formed JWT.",
        _ => "The token is invalid.",
    };
}
