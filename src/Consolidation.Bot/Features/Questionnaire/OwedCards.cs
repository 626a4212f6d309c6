using Consolidation.Bot.Domain;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.Features.Questionnaire;

/// <summary>
/// Which members are owed a questionnaire card, read from what is stored (open windows, task states, cursors): a member
/// with an unanswered task in an open stage and no card of theirs in hand (no cursor, or the cursor's task has moved on,
/// or a claim older than the lease). This is the durable record behind "every card is sent": an answer whose next card
/// could not be queued, or a stage opening cut off half-way, leaves members here until the sweep queues their card.
/// </summary>
public static class OwedCards
{
    public static IReadOnlyList<string> Members(ReviewSnapshot snapshot, IEnumerable<MemberCursorEntity> cursors,
        IEnumerable<string> unreachable, DateTimeOffset now, TimeSpan lease)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var byMember = cursors.ToDictionary(c => Member.NormalizeEmail(c.Email), StringComparer.Ordinal);
        var skip = unreachable.Select(Member.NormalizeEmail).ToHashSet(StringComparer.Ordinal);
        return ReviewQueries.UnansweredByMember(snapshot.Tasks, snapshot.Windows)
            .Where(m => m.Key.Length > 0 && !skip.Contains(m.Key))
            .Where(m => !byMember.TryGetValue(m.Key, out var cursor) || !HasCardInHand(cursor, m.Value, now, lease))
            .Select(m => m.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static bool HasCardInHand(MemberCursorEntity cursor, IEnumerable<ReviewTask> open, DateTimeOffset now, TimeSpan lease) =>
        open.Any(t => t.Id == cursor.TaskId && t.State.Version == cursor.TaskVersion)
        && (cursor.Status == MemberCursorEntity.Sent || now - cursor.At < lease);
}
