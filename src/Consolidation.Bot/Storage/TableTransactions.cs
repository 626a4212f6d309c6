using Azure.Data.Tables;

namespace Consolidation.Bot.Storage;

/// <summary>
/// Submits entity-group transactions after checking Azure's rules that Azurite does not enforce: every action in
/// the same PartitionKey (Azurite accepts cross-partition batches, real Azure answers 400) and at most 100 actions.
/// </summary>
public static class TableTransactions
{
    public const int MaxActions = 100;

    public static void Check(IReadOnlyCollection<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > MaxActions)
        {
            throw new InvalidOperationException($"A table transaction needs 1 to {MaxActions} actions, not {actions.Count}.");
        }

        var partitions = actions.Select(a => a.Entity.PartitionKey).Distinct(StringComparer.Ordinal).Count();
        if (partitions != 1)
        {
            throw new InvalidOperationException($"A table transaction must stay in one partition; this one spans {partitions}.");
        }
    }

    public static async Task SubmitAsync(TableClient table, IReadOnlyCollection<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        Check(actions);
        await table.SubmitTransactionAsync(actions, cancellationToken);
    }
}
