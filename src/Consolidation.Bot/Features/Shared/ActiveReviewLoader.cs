using Consolidation.Bot.Domain;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Routing;

namespace Consolidation.Bot.Features;

/// <summary>
/// Loads the active review for a turn, in the shape each handler needs: the whole review (status questions), scoped to
/// the sender (cards, answers, my tasks), or for the secretariat (its commands). One place for the four features that use it.
/// </summary>
public sealed class ActiveReviewLoader(ReviewCatalog catalog, ReviewRepository repository) : IActiveReviewLoader
{
    /// <summary>
    /// The whole active review as this instance read it at most a moment ago (<see cref="ReadConsistency.Recent"/>: status
    /// questions); null when no review has been imported yet.
    /// </summary>
    public async Task<ActiveReviewContext?> LoadAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var reviewId = await catalog.GetActiveReviewIdAsync(cancellationToken);
        var snapshot = reviewId is null ? null : await repository.LoadAsync(reviewId, cancellationToken, ReadConsistency.Recent);
        if (snapshot is null)
        {
            return null;
        }

        var aad = turn.From.AadObjectId;
        var sender = (aad is null ? null : snapshot.MemberByAadObjectId(aad));
        return new ActiveReviewContext(snapshot, sender);
    }

    /// <summary>
    /// The active review scoped to the sender: every member, the sender's own tasks and their windows, read at a cost
    /// that does not grow with the review (refreshes, "my tasks"). Null when no review has been imported yet.
    /// </summary>
    public Task<ActiveReviewContext?> LoadForSenderAsync(TurnContext turn, CancellationToken cancellationToken) =>
        LoadForSenderAsync(turn, freshPointer: false, fromMemory: false, cancellationToken);

    /// <summary>
    /// As <see cref="LoadForSenderAsync(TurnContext, CancellationToken)"/>, with the sender's task states and windows from
    /// this instance's memory when it has them: for deciding an answer (the commit is guarded by the state's ETag, and a
    /// refusal is confirmed on what storage holds), never for what is shown or sent.
    /// </summary>
    public Task<ActiveReviewContext?> LoadForAnswerAsync(TurnContext turn, CancellationToken cancellationToken) =>
        LoadForSenderAsync(turn, freshPointer: false, fromMemory: true, cancellationToken);

    /// <summary><paramref name="freshPointer"/> reads which review is active now rather than as known a moment ago (for changes).</summary>
    private async Task<ActiveReviewContext?> LoadForSenderAsync(TurnContext turn, bool freshPointer, bool fromMemory, CancellationToken cancellationToken)
    {
        var reviewId = freshPointer ? await catalog.ReadActiveReviewIdAsync(cancellationToken) : await catalog.GetActiveReviewIdAsync(cancellationToken);
        var loaded = reviewId is null ? null : await repository.LoadForAadObjectIdAsync(reviewId, turn.From.AadObjectId, fromMemory, cancellationToken);
        return loaded is null ? null : new ActiveReviewContext(loaded.Snapshot, loaded.Member, SenderScoped: true, loaded.Stored);
    }

    /// <summary>A task of the context's review: from the snapshot, else (a sender-scoped snapshot) read on its own.</summary>
    public async Task<ReviewTask?> FindTaskAsync(ActiveReviewContext context, string taskId, CancellationToken cancellationToken) =>
        context.Snapshot.Tasks.FirstOrDefault(t => t.Id == taskId)
        ?? (context.SenderScoped && taskId.Length > 0 ? (await repository.GetTaskAsync(context.ReviewId, taskId, cancellationToken))?.Task : null);

    /// <summary>
    /// The active review and its secretariat member sending this turn; otherwise answers the turn (no review loaded, or
    /// not the secretariat, answered with <paramref name="refusalKey"/>) and returns null. The check is on the sender's
    /// Entra object id, never the display name.
    /// </summary>
    public async Task<(ActiveReviewContext Context, Member Secretariat)?> LoadForSecretariatAsync(TurnContext turn, string refusalKey, CancellationToken cancellationToken)
    {
        // Scoped to the sender: the commands need the review id and the secretariat member, not every task.
        var context = await LoadForSenderAsync(turn, freshPointer: true, fromMemory: false, cancellationToken);
        return await SecretariatGate.CheckAsync(turn, context, refusalKey, cancellationToken);
    }
}
