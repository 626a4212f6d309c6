using System.Text.Json;
using Azure.Data.Tables;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.Review.Storage;

/// <summary>
/// Which tasks were reassigned to a member, so a member-scoped read finds them although the imported definitions name
/// someone else: one row per member, written in the same transaction as the reassignment. Entries are never removed; a
/// task reassigned away again is filtered out by its state (<see cref="ReviewTask.AssigneeFor"/>).
/// <para>
/// Every reassignment moves the review's epoch, so this instance reads all of a review's rows once per epoch (one prefix
/// query, shared by the turns that ask meanwhile) rather than one point read for each member's first answer: a review has
/// few reassignments and many members. One entry per review, for the eight reviews used last.
/// </para>
/// </summary>
public sealed class ReassignmentIndex
{
    private static readonly JsonSerializerOptions Json = new();
    private readonly BoundedCache<string, (string Epoch, Task<Dictionary<string, IReadOnlyList<string>>> Rows)> _byReview = new(8, StringComparer.Ordinal);

    /// <summary>The ids of the tasks ever reassigned to <paramref name="email"/> in the review.</summary>
    public async Task<IReadOnlyList<string>> TaskIdsAsync(TableClient table, string reviewId, string email, string epoch, CancellationToken cancellationToken)
    {
        // Not the caller's token: the read is shared by every turn of the epoch, and one turn giving up must not fail the
        // others. A failed read is not kept; the next turn reads again.
        var (_, rows) = _byReview.GetOrAdd(reviewId, _ => (epoch, LoadAsync(table, reviewId)),
            known => known.Epoch == epoch && !(known.Rows.IsFaulted || known.Rows.IsCanceled));
        return (await rows.WaitAsync(cancellationToken)).GetValueOrDefault(ReviewKeys.ReassignedRow(email)) ?? [];
    }

    private static async Task<Dictionary<string, IReadOnlyList<string>>> LoadAsync(TableClient table, string reviewId)
    {
        var rows = await PrefixQuery.ListAsync<ReassignedTasksEntity>(table, ReviewKeys.StatePartition(reviewId), ReviewKeys.ReassignedPrefix, CancellationToken.None);
        return rows.ToDictionary(r => r.RowKey, r => (IReadOnlyList<string>)Parse(r.TaskIds), StringComparer.Ordinal);
    }

    /// <summary>The transaction action that adds <paramref name="taskId"/> to the member's row (conditional on what was read).</summary>
    public static async Task<TableTransactionAction> AddActionAsync(TableClient table, string reviewId, string email, string taskId, CancellationToken cancellationToken)
    {
        var partition = ReviewKeys.StatePartition(reviewId);
        var row = await table.GetEntityIfExistsAsync<ReassignedTasksEntity>(partition, ReviewKeys.ReassignedRow(email), cancellationToken: cancellationToken);
        var ids = row.HasValue ? Parse(row.Value!.TaskIds) : [];
        var entity = new ReassignedTasksEntity
        {
            PartitionKey = partition,
            RowKey = ReviewKeys.ReassignedRow(email),
            TaskIds = JsonSerializer.Serialize(ids.Append(taskId).Distinct(StringComparer.Ordinal).ToList(), Json),
        };
        return row.HasValue
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, row.Value!.ETag)
            : new TableTransactionAction(TableTransactionActionType.Add, entity);
    }

    private static List<string> Parse(string json) => JsonSerializer.Deserialize<List<string>>(json, Json) ?? [];
}
