using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.Review.Storage;

/// <summary>
/// A generation's task and member rows written once more, compressed, into a few rows of the same partition
/// (<c>pack|0000</c>, …), so a process reads a generation with a handful of point reads instead of paging through one
/// row per task and member (100,000 tasks: a hundred pages, each of which Azurite answers by scanning the table). A
/// generation never changes after it is published and the pack is written before it is, so the pack is always whole.
/// Imports written before the pack existed have none and are read row by row.
/// </summary>
internal static class DefinitionsPack
{
    public const string Prefix = "pack|";

    // A binary property holds at most 64 KiB, an entity at most 1 MiB. Azure counts binary values as their bytes, Azurite
    // as their base64 text (4/3 larger), so a row holds 10 full parts: 873,814 characters of base64 with room for the rest.
    public const int PartBytes = 64 * 1024;
    public const int PartsPerRow = 10;
    private const int Format = 1;

    /// <summary>The pack rows of the rows an import writes (tasks in their order, then members).</summary>
    public static IReadOnlyList<TableEntity> Rows(string partition, IReadOnlyList<TaskDefinitionEntity> tasks, IReadOnlyList<MemberEntity> members)
    {
        using var packed = new MemoryStream();
        using (var zip = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            JsonSerializer.Serialize(zip, new PackContent(tasks, members), PackJsonContext.Default.PackContent);
        }

        var bytes = packed.ToArray();
        var parts = bytes.Chunk(PartBytes).ToList();
        var rows = parts.Chunk(PartsPerRow).ToList();
        return rows.Select((row, i) =>
        {
            var entity = new TableEntity(partition, RowKey(i)) { ["Format"] = Format, ["Rows"] = rows.Count, ["Bytes"] = bytes.Length };
            for (var p = 0; p < row.Length; p++)
            {
                entity[PartName(p)] = row[p];
            }

            return entity;
        }).ToList();
    }

    /// <summary>The generation's rows from its pack; null when the partition has none (an older import) or one of a later format.</summary>
    public static async Task<PackContent?> ReadAsync(TableClient table, string partition, CancellationToken cancellationToken)
    {
        var first = await table.GetEntityIfExistsAsync<TableEntity>(partition, RowKey(0), cancellationToken: cancellationToken);
        if (!first.HasValue || first.Value!.GetInt32("Format") != Format)
        {
            return null;
        }

        var count = first.Value.GetInt32("Rows") ?? 1;
        var others = await Task.WhenAll(Enumerable.Range(1, count - 1).Select(i =>
            table.GetEntityAsync<TableEntity>(partition, RowKey(i), cancellationToken: cancellationToken)));
        var bytes = new MemoryStream(first.Value.GetInt32("Bytes") ?? 0);
        foreach (var row in others.Select(r => r.Value).Prepend(first.Value))
        {
            for (var p = 0; p < PartsPerRow && row.GetBinary(PartName(p)) is { } part; p++)
            {
                bytes.Write(part);
            }
        }

        bytes.Position = 0;
        using var zip = new GZipStream(bytes, CompressionMode.Decompress);
        return await JsonSerializer.DeserializeAsync(zip, PackJsonContext.Default.PackContent, cancellationToken);
    }

    private static string RowKey(int index) => Prefix + index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    private static string PartName(int index) => "P" + index.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What a pack holds: the rows as the import wrote them, so they map to the domain as rows read one by one do.</summary>
internal sealed record PackContent(IReadOnlyList<TaskDefinitionEntity> Tasks, IReadOnlyList<MemberEntity> Members);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PackContent))]
internal sealed partial class PackJsonContext : JsonSerializerContext;
