using Consolidation.Bot.Demo;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Auth;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Tab;

/// <summary>Who asks and what they may see: signed in, and found among the active review's members by Entra object id.</summary>
/// <remarks><see cref="TenantId"/>: the token's tenant (null in development mode), for the cards an action queues.</remarks>
public sealed record TabSession(ReviewSnapshot Snapshot, TabScope Scope, string? TenantId = null);

/// <summary>Why a tab request was not signed in: 401 (no valid token), 403 (not a member), or 200 with "no review yet".</summary>
public enum TabRefusal
{
    NotSignedIn,
    NotMember,
    NoReview,
}

/// <summary>
/// Signs a tab request in: the Teams SSO bearer token validated by <see cref="TabAuthentication"/>, its <c>oid</c> matched
/// to the imported members (never the name or email in the token). In development mode (no app id, the Development
/// environment, a loopback caller; <see cref="DevelopmentMode"/>) the request is the Playground's current user, so
/// <c>./scripts/run</c> shows the tab without Entra.
/// </summary>
public sealed class TabSignIn(
    DevelopmentMode developmentMode,
    IOptions<BotAuthenticationOptions> bot,
    ReviewCatalog catalog,
    ReviewRepository repository,
    ILogger<TabSignIn> logger)
{
    public async Task<(TabSession? Session, TabRefusal? Refusal)> SignInAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (objectId, tenantId) = await SignedInUserAsync(http);
        if (objectId is null)
        {
            return (null, TabRefusal.NotSignedIn);
        }

        var reviewId = await catalog.GetActiveReviewIdAsync(cancellationToken);
        // The dashboard says "as of": what this instance read a moment ago is current enough (actions re-read fresh).
        var snapshot = reviewId is null ? null : await repository.LoadAsync(reviewId, cancellationToken, ReadConsistency.Recent);
        if (snapshot is null)
        {
            return (null, TabRefusal.NoReview);
        }

        if (snapshot.MemberByAadObjectId(objectId) is not { } member)
        {
            Log.TabNotMember(logger, MemberKey.Of(objectId));
            return (null, TabRefusal.NotMember);
        }

        return (new TabSession(snapshot, new TabScope(member), tenantId), null);
    }

    /// <summary>The page's language: <c>lang</c> from the tab URL (Teams fills in the user's locale), Japanese by default.</summary>
    public static BotText TextFor(HttpRequest request) => new(BotCultures.FromLocale(request.Query["lang"].FirstOrDefault()));

    /// <summary>The signed-in user's Entra object id and tenant; a null object id when not signed in.</summary>
    private async Task<(string? ObjectId, string? TenantId)> SignedInUserAsync(HttpContext http)
    {
        if (developmentMode.AllowsUnsignedFrom(http.Connection.RemoteIpAddress))
        {
            Log.TabDevelopmentSignIn(logger);
            return (PlaygroundUsers.SecretariatAadObjectId, null);
        }

        if (TabAuthentication.ConfigurationProblem(bot.Value) is { } problem)
        {
            Log.TabUnauthorized(logger, "the tab accepts no token: " + problem);
            return (null, null);
        }

        var result = await http.AuthenticateAsync(TabAuthentication.Scheme);
        if (!result.Succeeded)
        {
            Log.TabUnauthorized(logger, result.Failure?.Message ?? "no bearer token");
            return (null, null);
        }

        var objectId = result.Principal.FindFirst(TabAuthentication.ObjectIdClaim)?.Value;
        if (string.IsNullOrEmpty(objectId))
        {
            Log.TabUnauthorized(logger, "the token has no oid claim");
            return (null, null);
        }

        return (objectId, result.Principal.FindFirst(TabAuthentication.TenantIdClaim)?.Value);
    }
}
