using System.Globalization;
using ClosedXML.Excel;

namespace Consolidation.Bot.Import;

/// <summary>Reads the first worksheet of an .xlsx workbook into an <see cref="ImportTable"/>.</summary>
public static class XlsxTableReader
{
    /// <summary>The table, or a failure when the sheet's used range exceeds <see cref="ImportLimits"/> (checked before any cell is read).</summary>
    public static TableReadResult Read(Stream xlsx)
    {
        using var workbook = new XLWorkbook(xlsx);
        var sheet = workbook.Worksheets.First();
        var lastRow = sheet.LastRowUsed()?.RowNumber() ?? 0;
        var lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
        if (lastRow > ImportLimits.MaxRows || lastColumn > ImportLimits.MaxColumns)
        {
            var range = sheet.Cell(lastRow, lastColumn).Address.ToString() ?? "";
            return TableReadResult.Failure(ImportErrorCodes.RangeTooLarge, range);
        }

        return TableReadResult.Success(ReadTable(sheet, lastRow, lastColumn));
    }

    private static ImportTable ReadTable(IXLWorksheet sheet, int lastRow, int lastColumn)
    {
        if (lastRow == 0)
        {
            return new ImportTable([], []);
        }

        var headers = ReadRow(sheet, 1, lastColumn);
        var rows = new List<ImportRow>();
        for (var r = 2; r <= lastRow; r++)
        {
            var cells = ReadRow(sheet, r, lastColumn);
            if (!ImportRow.IsBlank(cells))
            {
                rows.Add(new ImportRow(r, cells));
            }
        }

        return new ImportTable(headers, rows);
    }

    private static string[] ReadRow(IXLWorksheet sheet, int row, int lastColumn)
    {
        var cells = new string[lastColumn];
        for (var c = 1; c <= lastColumn; c++)
        {
            var cell = sheet.Cell(row, c);
            cells[c - 1] = CellText(cell.HasFormula ? cell.CachedValue : cell.Value);
        }

        return cells;
    }

    /// <summary>Culture-independent text of a cell value: numbers in invariant form, dates as ISO.</summary>
    internal static string CellText(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero
            ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
