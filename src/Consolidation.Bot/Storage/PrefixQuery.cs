using Azure.Data.Tables;

namespace Consolidation.Bot.Storage;

/// <summary>
/// The one way we read "every row of a partition whose RowKey starts with a prefix": a range on the RowKey
/// (<c>ge prefix and lt</c> the prefix with its last character raised by one), which Table storage serves from the
/// partition's index rather than by scanning it. Our prefixes end in a separator such as <c>|</c>, so raising the last
/// character never wraps.
/// </summary>
public static class PrefixQuery
{
    /// <summary>The least RowKey greater than every key that starts with <paramref name="prefix"/>.</summary>
    public static string End(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    /// <summary>The filter for the rows of <paramref name="partition"/> under <paramref name="prefix"/>.</summary>
    public static string Filter(string partition, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {End(prefix)}");

    /// <summary>The same rows, changed at or after <paramref name="since"/> (the server's timestamp).</summary>
    public static string Filter(string partition, string prefix, DateTimeOffset since) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {End(prefix)} and Timestamp ge {since}");

    /// <summary>Every row of <paramref name="partition"/> under <paramref name="prefix"/>, in RowKey order.</summary>
    public static async Task<List<T>> ListAsync<T>(TableClient table, string partition, string prefix, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var result = new List<T>();
        await foreach (var row in table.QueryAsync<T>(Filter(partition, prefix), maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            result.Add(row);
        }

        return result;
    }
}
