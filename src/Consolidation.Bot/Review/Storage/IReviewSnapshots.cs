namespace Consolidation.Bot.Review.Storage;

/// <summary>
/// Reading a review for the outbox's work (see <see cref="ReviewRepository"/>, the bot's): the seam that lets the
/// handlers be tested with a review held in memory.
/// </summary>
public interface IReviewSnapshots
{
    /// <summary>The whole review, read fresh; null when it does not exist.</summary>
    Task<ReviewSnapshot?> LoadAsync(string reviewId, CancellationToken cancellationToken);

    /// <summary>The review scoped to one member (every member, their tasks and windows); null when it does not exist.</summary>
    Task<ReviewSnapshot?> LoadForMemberAsync(string reviewId, string email, CancellationToken cancellationToken);
}
