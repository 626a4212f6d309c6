using Consolidation.Bot.Text;

namespace Consolidation.Bot.Import;

/// <summary>
/// Where each known column is in a file's header row, and the header as written there. Matching ignores
/// surrounding spaces, case, full-width forms (NFKC) and the separators space, <c>_</c> and <c>-</c>.
/// </summary>
public sealed class HeaderMap
{
    private readonly Dictionary<string, (int Index, string Header)> _found;

    private HeaderMap(Dictionary<string, (int, string)> found, IReadOnlyList<ColumnSpec> missing, bool japanese)
    {
        _found = found;
        Missing = missing;
        Japanese = japanese;
    }

    /// <summary>Required columns not found in the header row.</summary>
    public IReadOnlyList<ColumnSpec> Missing { get; }

    /// <summary>Whether the file uses the Japanese header names (decides how a missing column is named).</summary>
    public bool Japanese { get; }

    public static HeaderMap Resolve(IReadOnlyList<string> headers, IReadOnlyList<ColumnSpec> columns, bool defaultJapanese)
    {
        var found = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        int japaneseHits = 0, englishHits = 0;
        for (var i = 0; i < headers.Count; i++)
        {
            var key = Key(headers[i]);
            var spec = columns.FirstOrDefault(c => Key(c.Japanese) == key || Key(c.English) == key);
            if (spec is null || found.ContainsKey(spec.Key))
            {
                continue;
            }

            found[spec.Key] = (i, headers[i].Trim());
            japaneseHits += Key(spec.Japanese) == key ? 1 : 0;
            englishHits += Key(spec.English) == key ? 1 : 0;
        }

        var japanese = japaneseHits == englishHits ? defaultJapanese : japaneseHits > englishHits;
        var missing = columns.Where(c => c.Required && !found.ContainsKey(c.Key)).ToList();
        return new HeaderMap(found, missing, japanese);
    }

    public bool Has(ColumnSpec column) => _found.ContainsKey(column.Key);

    /// <summary>The column's header as written in the file, or its name in the file's language when absent.</summary>
    public string HeaderOf(ColumnSpec column) => _found.TryGetValue(column.Key, out var f) ? f.Header : column.Header(Japanese);

    /// <summary>The trimmed cell of <paramref name="column"/> in <paramref name="row"/>; "" when the column is absent.</summary>
    public string Cell(ImportRow row, ColumnSpec column) => _found.TryGetValue(column.Key, out var f) ? row.Cell(f.Index) : "";

    private static string Key(string header) =>
        new(TextNormalizer.Normalize(header).Where(c => c is not (' ' or '_' or '-')).ToArray());
}
