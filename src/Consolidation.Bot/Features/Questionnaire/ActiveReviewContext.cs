using Consolidation.Bot.Domain;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Routing;

namespace Consolidation.Bot.Features.Questionnaire;

/// <summary>The active review and the sender's membership in it, loaded for a turn (members are matched by Entra object id, then email).</summary>
public sealed record ActiveReviewContext(ReviewSnapshot Snapshot, Member? Sender)
{
    public string ReviewId => Snapshot.ReviewId;
}

public sealed class ActiveReviewLoader(ReviewCatalog catalog, ReviewRepository repository)
{
    /// <summary>Null when no review has been imported yet.</summary>
    public async Task<ActiveReviewContext?> LoadAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var reviewId = await catalog.GetActiveReviewIdAsync(cancellationToken);
        var snapshot = reviewId is null ? null : await repository.LoadAsync(reviewId, cancellationToken);
        if (snapshot is null)
        {
            return null;
        }

        var aad = turn.From.AadObjectId;
        var sender = (aad is null ? null : snapshot.MemberByAadObjectId(aad));
        return new ActiveReviewContext(snapshot, sender);
    }
}
