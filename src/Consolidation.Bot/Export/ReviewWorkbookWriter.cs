using ClosedXML.Excel;

namespace Consolidation.Bot.Export;

/// <summary>Writes the review workbook (.xlsx): 事務一覧, 部会別集計 and 回答履歴. Pure apart from the output stream.</summary>
public static class ReviewWorkbookWriter
{
    public static void Write(Stream output, ReviewExportModel model)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(model);
        using var workbook = new XLWorkbook();
        TaskSheet.Write(workbook.Worksheets.Add(ExportHeaders.TasksSheet), model);
        FunnelSheet.Write(workbook.Worksheets.Add(ExportHeaders.FunnelSheet), model.Tasks);
        HistorySheet.Write(workbook.Worksheets.Add(ExportHeaders.HistorySheet), model);
        workbook.SaveAs(output);
    }
}
