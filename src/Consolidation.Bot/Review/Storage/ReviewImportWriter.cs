using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.Review.Storage;

/// <summary>What an import did.</summary>
public enum ImportWriteOutcome
{
    /// <summary>A new generation of definitions is now current.</summary>
    Imported,

    /// <summary>The same content was already current: nothing was written.</summary>
    Unchanged,

    /// <summary>Another import published first; nothing of this one is visible.</summary>
    LostRace,
}

/// <summary>
/// Writes imported task definitions and members into a partition of this import's own (generation + a random token),
/// then publishes it by one ETag-guarded update of the review row: readers see the old generation or the new one, never
/// a mix, and a failure part-way leaves the old one current. Two imports at once write to different partitions: one
/// publishes, the other loses the race and removes only its own rows, so the review is never empty or mixed. Task
/// states and history are untouched (they are keyed by task id in the review's own partition).
/// </summary>
public sealed class ReviewImportWriter(TableClientProvider tables, ReviewCatalog catalog, ReviewRepository repository)
{
    public async Task<ImportWriteOutcome> WriteAsync(
        string reviewId, string name, IReadOnlyList<TaskDefinition> tasks, IReadOnlyList<Member>? members, bool isDemo,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = await catalog.ReadReviewAsync(reviewId, cancellationToken);
        members ??= current is null ? [] : await repository.GetMembersAsync(reviewId, cancellationToken);
        var hash = ContentHash(tasks, members);
        if (current is not null && current.ContentHash == hash)
        {
            return ImportWriteOutcome.Unchanged;
        }

        var generation = (current?.Generation ?? 0) + 1;
        var partition = ReviewKeys.DefinitionPartition(reviewId, generation, Guid.NewGuid().ToString("N")[..12]);
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);

        var taskRows = tasks.Select((t, i) => ReviewEntityMapper.ToEntity(t, partition, i)).ToList();
        var memberRows = members.Select(m => ReviewEntityMapper.ToEntity(m, partition)).ToList();
        foreach (var chunk in taskRows.Cast<ITableEntity>().Concat(memberRows).Chunk(TableTransactions.MaxActions))
        {
            await TableTransactions.SubmitAsync(table, chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList(), cancellationToken);
        }

        // Up to 1 MiB each, more than a transaction carries: one by one, before the generation is published.
        foreach (var row in DefinitionsPack.Rows(partition, taskRows, memberRows))
        {
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        }

        var published = await catalog.TryPublishAsync(new ReviewRowEntity
        {
            RowKey = TableKeys.Escape(reviewId),
            Name = name,
            Generation = generation,
            DefinitionPartition = partition,
            ContentHash = hash,
            IsDemo = isDemo,
            CreatedAt = current?.CreatedAt ?? now,
            UpdatedAt = now,
        }, current?.ETag, cancellationToken);
        if (!published)
        {
            await DeletePartitionAsync(table, partition, cancellationToken);
            return ImportWriteOutcome.LostRace;
        }

        if (current is not null)
        {
            await DeletePartitionAsync(table, ReviewKeys.DefinitionPartitionOf(reviewId, current), cancellationToken);
        }

        return ImportWriteOutcome.Imported;
    }

    /// <summary>Removes a whole review: its definitions, states, history, markers, windows and its row.</summary>
    public async Task DeleteReviewAsync(string reviewId, CancellationToken cancellationToken)
    {
        var current = await catalog.ReadReviewAsync(reviewId, cancellationToken);
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        await DeletePartitionAsync(table, ReviewKeys.StatePartition(reviewId), cancellationToken);
        if (current is not null)
        {
            await DeletePartitionAsync(table, ReviewKeys.DefinitionPartitionOf(reviewId, current), cancellationToken);
            await catalog.DeleteReviewRowAsync(reviewId, cancellationToken);
        }
    }

    /// <summary>SHA-256 over the definitions and members in a canonical order: equal content, equal hash.</summary>
    public static string ContentHash(IReadOnlyList<TaskDefinition> tasks, IReadOnlyList<Member> members)
    {
        var builder = new StringBuilder();
        foreach (var t in tasks)
        {
            var e = ReviewEntityMapper.ToEntity(t, "", 0);
            builder.AppendJoin('\u001f', e.Id, e.Name, e.Bureau, e.Subcommittee, e.Assignee, e.StageAssignees, e.Theme, e.StandardBusiness, e.AnnualCases, e.StaffHours).Append('\u001e');
        }

        foreach (var m in members.OrderBy(m => m.Email, StringComparer.Ordinal))
        {
            var e = ReviewEntityMapper.ToEntity(m, "");
            builder.AppendJoin('\u001f', e.Email, e.Name, e.AadObjectId, e.Role, e.Subcommittees).Append('\u001e');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    private static async Task DeletePartitionAsync(TableClient table, string partition, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var keys = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(row);
        }

        foreach (var chunk in keys.Chunk(TableTransactions.MaxActions))
        {
            await TableTransactions.SubmitAsync(table, chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, Azure.ETag.All)).ToList(), cancellationToken);
        }
    }
}
