using ClosedXML.Excel;

namespace Consolidation.Bot.Export;

/// <summary>Small helpers that write typed cells and the header row.</summary>
internal static class SheetCells
{
    public const string DateTimeFormat = "yyyy/mm/dd hh:mm";

    public static void Header(IXLWorksheet sheet, IReadOnlyList<string> headers)
    {
        for (var c = 0; c < headers.Count; c++)
        {
            Text(sheet.Cell(1, c + 1), headers[c]);
        }

        var row = sheet.Range(1, 1, 1, headers.Count);
        row.Style.Font.Bold = true;
        row.Style.Fill.BackgroundColor = XLColor.LightGray;
        sheet.SheetView.FreezeRows(1);
    }

    /// <summary>A text cell that stays text (an id such as 0012 is not turned into a number).</summary>
    public static void Text(IXLCell cell, string? value)
    {
        cell.DataType = XLDataType.Text;
        cell.SetValue(value ?? "");
        cell.DataType = XLDataType.Text;
    }

    public static void Number(IXLCell cell, decimal? value)
    {
        if (value is { } v)
        {
            cell.SetValue(v);
        }
    }

    /// <summary>The instant as local time in <paramref name="zone"/>, formatted as a date and time.</summary>
    public static void LocalTime(IXLCell cell, DateTimeOffset? at, TimeZoneInfo zone)
    {
        if (at is { } instant)
        {
            cell.SetValue(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
            cell.Style.DateFormat.Format = DateTimeFormat;
        }
    }

    public static void Finish(IXLWorksheet sheet, int rows, int columns, double width)
    {
        sheet.Range(1, 1, Math.Max(rows, 1), columns).SetAutoFilter();
        sheet.Columns(1, columns).Width = width;
    }
}
