using Azure;
using Azure.Data.Tables;

namespace Consolidation.Bot.Storage;

/// <summary>
/// The one ETag-conditional save: insert when the row was not there (no ETag), otherwise replace only if nobody wrote it
/// since it was read. A lost race (409 on insert, 412 on replace) is an answer, not an error: the caller reads again.
/// </summary>
public static class ConditionalSave
{
    /// <returns>The row's new ETag, also set on <paramref name="entity"/>; null when someone else wrote it first.</returns>
    public static async Task<ETag?> TrySaveAsync<T>(this TableClient table, T entity, ETag? expected, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(table);
        try
        {
            var response = expected is null
                ? await table.AddEntityAsync(entity, cancellationToken)
                : await table.UpdateEntityAsync(entity, expected.Value, TableUpdateMode.Replace, cancellationToken);
            entity.ETag = response.Headers.ETag ?? default;
            return entity.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return null;
        }
    }
}
