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
        var open = ReviewQueries.UnansweredByMember(snapshot.Tasks, snapshot.Windows);
        var awaiting = snapshot.Members.Where(m => m.HasRole(MemberRole.Bureau))
            .Select(m => (m.Email, Tasks: ReviewQueries.AwaitingBureauView(snapshot.Tasks, snapshot.Windows, m)))
            .Where(m => m.Tasks.Count > 0)
            .ToDictionary(m => m.Email, m => m.Tasks, StringComparer.Ordinal);
        return open.Keys.Union(awaiting.Keys, StringComparer.Ordinal)
            .Where(email => email.Length > 0 && !skip.Contains(email))
            .Where(email => !byMember.TryGetValue(email, out var cursor)
                || !HasCardInHand(cursor, open.GetValueOrDefault(email) ?? [], awaiting.GetValueOrDefault(email) ?? [], now, lease))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static bool HasCardInHand(MemberCursorEntity cursor, IEnumerable<ReviewTask> open, IEnumerable<ReviewTask> awaitingView, DateTimeOffset now, TimeSpan lease) =>
        StillOpen(cursor, open, awaitingView) && (cursor.Status == MemberCursorEntity.Sent || now - cursor.At < lease);

    /// <summary>
    /// The one rule for "the card the cursor names still waits for an answer": its task (every task of a batch card) is
    /// still open for the member at the version the card showed. A batch with any row answered, changed or reassigned is
    /// done with: the member gets the next card, where the rows left blank come again.
    /// </summary>
    /// <remarks>A bureau view card waits while its task waits for the view, whatever its version (the 担当区長's answer moves it).</remarks>
    public static bool StillOpen(MemberCursorEntity cursor, IEnumerable<ReviewTask> open, IEnumerable<ReviewTask>? awaitingView = null)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        if (cursor.Kind == NextCard.BureauKind)
        {
            return (awaitingView ?? []).Any(t => t.Id == cursor.TaskId && t.State.Round == cursor.TaskVersion);
        }

        var versions = open.ToDictionary(t => t.Id, t => t.State.Version, StringComparer.Ordinal);
        if (cursor.Batch is null)
        {
            return versions.TryGetValue(cursor.TaskId, out var version) && version == cursor.TaskVersion;
        }

        return Cards.Questionnaire.BatchCardFields.ParseTasks(cursor.Batch) is { } rows
            && rows.All(r => versions.TryGetValue(r.TaskId, out var v) && v == r.Version);
    }
}
