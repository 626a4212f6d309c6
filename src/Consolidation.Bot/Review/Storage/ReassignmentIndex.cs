using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Data.Tables;
using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Review.Storage;

/// <summary>
/// Which tasks were reassigned to a member, so a member-scoped read finds them although the imported definitions name
/// someone else: one row per member (a point read), written in the same transaction as the reassignment. Entries are
/// never removed; a task reassigned away again is filtered out by its state (<see cref="ReviewTask.AssigneeFor"/>).
/// Lists are kept in memory per review epoch (every reassignment moves the epoch), for at most
/// <see cref="Capacity"/> members before the memory is cleared.
/// </summary>
public sealed class ReassignmentIndex
{
    private const int Capacity = 20_000;
    private static readonly JsonSerializerOptions Json = new();
    private readonly ConcurrentDictionary<(string ReviewId, string Email), (string Epoch, IReadOnlyList<string> TaskIds)> _known = new();

    /// <summary>The ids of the tasks ever reassigned to <paramref name="email"/> in the review.</summary>
    public async Task<IReadOnlyList<string>> TaskIdsAsync(TableClient table, string reviewId, string email, string epoch, CancellationToken cancellationToken)
    {
        var key = (reviewId, Member.NormalizeEmail(email));
        if (_known.TryGetValue(key, out var known) && known.Epoch == epoch)
        {
            return known.TaskIds;
        }

        var row = await table.GetEntityIfExistsAsync<ReassignedTasksEntity>(ReviewKeys.StatePartition(reviewId), ReviewKeys.ReassignedRow(email), cancellationToken: cancellationToken);
        IReadOnlyList<string> ids = row.HasValue ? Parse(row.Value!.TaskIds) : [];
        if (_known.Count >= Capacity)
        {
            _known.Clear();
        }

        _known[key] = (epoch, ids);
        return ids;
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
