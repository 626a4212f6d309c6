using Azure;
using Azure.Data.Tables;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.Review.Storage;

/// <summary>Member cursors and unreachable-member records, in the review's partition, every update ETag-guarded.</summary>
public sealed class MemberCursorStore(TableClientProvider tables) : IMemberCursors
{
    public const string CursorPrefix = "cursor|";
    public const string UnreachablePrefix = "unreachable|";

    public async Task<MemberCursorEntity?> GetAsync(string reviewId, string email, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<MemberCursorEntity>(
            ReviewKeys.StatePartition(reviewId), CursorRow(email), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Inserts (no ETag) or replaces (ETag must match) the cursor; false when someone else changed it first.</summary>
    public async Task<MemberCursorEntity?> TrySaveAsync(string reviewId, MemberCursorEntity cursor, ETag? expected, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        cursor.PartitionKey = ReviewKeys.StatePartition(reviewId);
        cursor.RowKey = CursorRow(cursor.Email);
        return await table.TrySaveAsync(cursor, expected, cancellationToken) is null ? null : cursor;
    }

    /// <summary>Records (or refreshes) the member as unreachable; true the first time, so the audit trail has it once.</summary>
    public async Task<bool> RecordUnreachableAsync(string reviewId, string email, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var row = new UnreachableMemberEntity
        {
            PartitionKey = ReviewKeys.StatePartition(reviewId),
            RowKey = UnreachablePrefix + TableKeys.Escape(Member.NormalizeEmail(email)),
            Email = Member.NormalizeEmail(email),
            Reason = reason,
            At = at,
        };
        if (await table.TrySaveAsync(row, expected: null, cancellationToken) is not null)
        {
            return true;
        }

        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        return false;
    }

    /// <summary>Every member's cursor in the review (one row per member who was ever sent a card).</summary>
    public async Task<IReadOnlyList<MemberCursorEntity>> ListAsync(string reviewId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        return await PrefixQuery.ListAsync<MemberCursorEntity>(table, ReviewKeys.StatePartition(reviewId), CursorPrefix, cancellationToken);
    }

    public async Task<IReadOnlyList<UnreachableMemberEntity>> ListUnreachableAsync(string reviewId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        return await PrefixQuery.ListAsync<UnreachableMemberEntity>(table, ReviewKeys.StatePartition(reviewId), UnreachablePrefix, cancellationToken);
    }

    private static string CursorRow(string email) => CursorPrefix + TableKeys.Escape(Member.NormalizeEmail(email));
}
