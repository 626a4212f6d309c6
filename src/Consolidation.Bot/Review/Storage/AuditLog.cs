using Consolidation.Bot.Domain;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.Review.Storage;

/// <summary>The review's audit trail (<see cref="AuditEntry"/>): appended, never changed, read in time order.</summary>
public sealed class AuditLog(TableClientProvider tables) : IAuditTrail
{
    public async Task AppendAsync(string reviewId, AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        await table.AddEntityAsync(new AuditEntity
        {
            PartitionKey = ReviewKeys.StatePartition(reviewId),
            RowKey = ReviewKeys.AuditRow(entry.At),
            Kind = entry.Kind.ToString(),
            By = entry.By,
            At = entry.At,
            Detail = entry.Detail,
            Stage = entry.Stage?.ToString(),
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string reviewId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var rows = await PrefixQuery.ListAsync<AuditEntity>(table, ReviewKeys.StatePartition(reviewId), ReviewKeys.AuditPrefix, cancellationToken);
        return rows.Select(e => new AuditEntry(Enum.Parse<AuditKind>(e.Kind), e.By, e.At, e.Detail, e.Stage is null ? null : Enum.Parse<Stage>(e.Stage))).ToList();
    }
}
