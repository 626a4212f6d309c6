using ClosedXML.Excel;

namespace Consolidation.Bot.Export;

/// <summary>The 回答履歴 sheet: the tasks' history and the review's audit trail in time order, times local to the review's zone.</summary>
internal static class HistorySheet
{
    public const string LateMark = "期限後";

    public static void Write(IXLWorksheet sheet, ReviewExportModel model)
    {
        SheetCells.Header(sheet, ExportHeaders.History);
        var r = 1;
        foreach (var h in model.History.OrderBy(h => h.At).ThenBy(h => h.TaskId, StringComparer.Ordinal))
        {
            var row = sheet.Row(++r);
            SheetCells.Text(row.Cell(1), h.TaskId);
            SheetCells.LocalTime(row.Cell(2), h.At, model.TimeZone);
            SheetCells.Text(row.Cell(3), model.DisplayName(h.By));
            SheetCells.Text(row.Cell(4), h.Kind);
            SheetCells.Text(row.Cell(5), h.Stage);
            if (h.CardVersion is { } version)
            {
                row.Cell(6).SetValue(version);
            }

            SheetCells.Text(row.Cell(7), h.Summary);
            SheetCells.Text(row.Cell(8), h.Late ? LateMark : "");
        }

        SheetCells.Finish(sheet, r, ExportHeaders.History.Count, 16);
        sheet.Column(7).Width = 60;
    }
}
