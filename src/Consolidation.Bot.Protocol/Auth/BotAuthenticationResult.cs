using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Consolidation.Bot.Protocol.Auth;

/// <summary>
/// Outcome of inbound authentication. Status codes:
/// <list type="bullet">
/// <item>401: no/invalid credentials (missing header, not Bearer, not a JWT, disallowed alg, unknown issuer,
/// wrong tenant in an Entra issuer, wrong audience, expired/not yet valid, bad signature).</item>
/// <item>403: an authentic token that does not allow this activity (no or different <c>serviceurl</c> claim,
/// signing key not endorsed for the activity's channel).</item>
/// <item>503: the OpenID metadata could not be loaded, so nothing could be decided (fails closed).</item>
/// </list>
/// </summary>
public sealed class BotAuthenticationResult
{
    private BotAuthenticationResult(int statusCode, string? reason, ClaimsIdentity? identity)
    {
        StatusCode = statusCode;
        Reason = reason;
        ClaimsIdentity = identity;
    }

    [MemberNotNullWhen(true, nameof(ClaimsIdentity))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool Succeeded => ClaimsIdentity is not null;

    /// <summary>200 on success, otherwise the HTTP status to answer with.</summary>
    public int StatusCode { get; }

    /// <summary>Why the request was rejected; safe to show to the caller (no token contents).</summary>
    public string? Reason { get; }

    public ClaimsIdentity? ClaimsIdentity { get; }

    public static BotAuthenticationResult Success(ClaimsIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new(StatusCodes.Status200OK, null, identity);
    }

    public static BotAuthenticationResult Unauthorized(string reason) => new(StatusCodes.Status401Unauthorized, reason, null);

    public static BotAuthenticationResult Forbidden(string reason) => new(StatusCodes.Status403Forbidden, reason, null);

    public static BotAuthenticationResult Unavailable(string reason) => new(StatusCodes.Status503ServiceUnavailable, reason, null);
}
