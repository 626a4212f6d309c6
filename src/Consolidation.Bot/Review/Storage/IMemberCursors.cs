using Azure;

namespace Consolidation.Bot.Review.Storage;

/// <summary>
/// A member's card cursor and unreachable record, as the next-card sender uses them (see <see cref="MemberCursorStore"/>,
/// the bot's): the seam that lets the sender be tested with cursors held in memory.
/// </summary>
public interface IMemberCursors
{
    Task<MemberCursorEntity?> GetAsync(string reviewId, string email, CancellationToken cancellationToken);

    /// <summary>Inserts (no ETag) or replaces (ETag must match) the cursor; null when someone else changed it first.</summary>
    Task<MemberCursorEntity?> TrySaveAsync(string reviewId, MemberCursorEntity cursor, ETag? expected, CancellationToken cancellationToken);

    /// <summary>Records (or refreshes) the member as unreachable; true the first time.</summary>
    Task<bool> RecordUnreachableAsync(string reviewId, string email, string reason, DateTimeOffset at, CancellationToken cancellationToken);
}
