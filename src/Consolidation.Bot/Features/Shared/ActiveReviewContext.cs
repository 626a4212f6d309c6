using Consolidation.Bot.Domain;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.Features;

/// <summary>
/// The active review and the sender's membership in it, loaded for a turn (members are matched by Entra object id).
/// When <see cref="SenderScoped"/> the snapshot holds only the sender's own tasks and the windows of the stages they
/// reached (with every member), and
/// <see cref="Stored"/> has those tasks with their state ETags.
/// </summary>
public sealed record ActiveReviewContext(ReviewSnapshot Snapshot, Member? Sender, bool SenderScoped = false, IReadOnlyDictionary<string, StoredTask>? Stored = null)
{
    public string ReviewId => Snapshot.ReviewId;
}
