using Consolidation.Bot.Domain;
using Consolidation.Bot.Routing;

namespace Consolidation.Bot.Features;

/// <summary>
/// How a handler gets the active review for its turn (see <see cref="ActiveReviewLoader"/>, the bot's, over the catalog and
/// the repository): the seam that lets a handler be tested with a review held in memory.
/// </summary>
public interface IActiveReviewLoader
{
    /// <summary>The whole active review as read at most a moment ago; null when no review has been imported yet.</summary>
    Task<ActiveReviewContext?> LoadAsync(TurnContext turn, CancellationToken cancellationToken);

    /// <summary>The active review scoped to the sender, for what is shown or sent; null when no review has been imported yet.</summary>
    Task<ActiveReviewContext?> LoadForSenderAsync(TurnContext turn, CancellationToken cancellationToken);

    /// <summary>The active review scoped to the sender, states possibly from memory, for deciding an answer.</summary>
    Task<ActiveReviewContext?> LoadForAnswerAsync(TurnContext turn, CancellationToken cancellationToken);

    /// <summary>A task of the context's review: from the snapshot, else (a sender-scoped snapshot) read on its own.</summary>
    Task<ReviewTask?> FindTaskAsync(ActiveReviewContext context, string taskId, CancellationToken cancellationToken);

    /// <summary>The active review and its secretariat member sending this turn; otherwise answers the turn and returns null.</summary>
    Task<(ActiveReviewContext Context, Member Secretariat)?> LoadForSecretariatAsync(TurnContext turn, string refusalKey, CancellationToken cancellationToken);
}
