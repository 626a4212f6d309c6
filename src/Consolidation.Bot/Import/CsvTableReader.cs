using CsvHelper;

namespace Consolidation.Bot.Import;

/// <summary>Reads a CSV file (UTF-8 with or without BOM, or Shift_JIS) into an <see cref="ImportTable"/>.</summary>
public static class CsvTableReader
{
    /// <summary>Comma-separated, RFC 4180 quoting; empty lines are kept so that row numbers match Excel's.</summary>
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        SkipEmptyLines = false,
    };

    public static ImportTable Read(ReadOnlySpan<byte> bytes) => Read(CsvTextDecoder.Decode(bytes));

    public static ImportTable Read(string text)
    {
        using var reader = CsvReader.FromText(text, Options);
        IReadOnlyList<string>? headers = null;
        var rows = new List<ImportRow>();
        var rowNumber = 0;
        while (reader.Read())
        {
            rowNumber++;
            var cells = Array.ConvertAll(reader.Current.ToArray(), c => c ?? "");
            if (headers is null)
            {
                headers = cells;
            }
            else if (!ImportRow.IsBlank(cells))
            {
                rows.Add(new ImportRow(rowNumber, cells));
            }
        }

        return new ImportTable(headers ?? [], rows);
    }
}
