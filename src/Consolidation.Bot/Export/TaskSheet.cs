using ClosedXML.Excel;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Export;

/// <summary>The 事務一覧 sheet: one row per task, importable again.</summary>
internal static class TaskSheet
{
    public static void Write(IXLWorksheet sheet, ReviewExportModel model)
    {
        SheetCells.Header(sheet, ExportHeaders.Tasks);
        var r = 1;
        foreach (var task in model.Tasks.OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            r++;
            WriteRow(sheet.Row(r), task, model);
        }

        SheetCells.Finish(sheet, r, ExportHeaders.Tasks.Count, 18);
    }

    private static void WriteRow(IXLRow row, ReviewTask task, ReviewExportModel model)
    {
        var d = task.Definition;
        SheetCells.Text(row.Cell(1), d.Id);
        SheetCells.Text(row.Cell(2), d.Name);
        SheetCells.Text(row.Cell(3), d.Bureau);
        SheetCells.Text(row.Cell(4), d.Subcommittee.JapaneseName());
        SheetCells.Text(row.Cell(5), d.Assignee);
        SheetCells.Text(row.Cell(6), model.DisplayName(d.Assignee));
        SheetCells.Text(row.Cell(7), task.Stage.Name(japanese: true));
        SheetCells.Text(row.Cell(8), LatestDecision(task.State));
        SheetCells.LocalTime(row.Cell(9), LastAnsweredAt(task.State), model.TimeZone);
        SheetCells.LocalTime(row.Cell(10), Deadline(task, model.Windows), model.TimeZone);
        SheetCells.Text(row.Cell(11), d.Theme?.Name(japanese: true));
        SheetCells.Text(row.Cell(12), d.StandardBusiness);
        SheetCells.Number(row.Cell(13), d.AnnualCases);
        SheetCells.Number(row.Cell(14), d.StaffHours);
        OutcomeCells.Write(row, ExportHeaders.Tasks.Count - OutcomeCells.Headers.Count + 1, task.State);
    }

    /// <summary>The decision of the furthest answered stage, in Japanese; "" when nothing was answered.</summary>
    internal static string LatestDecision(TaskState state) =>
        state.Suitability?.Answer is SuitabilityAnswer s ? s.Decision.Name(japanese: true)
        : state.Wg?.Answer is WgAnswer w ? w.Decision.Name(japanese: true)
        : state.PreWg?.Answer is PreWgAnswer p ? p.Decision.Name(japanese: true)
        : "";

    internal static DateTimeOffset? LastAnsweredAt(TaskState state) =>
        new[] { state.PreWg, state.Wg, state.Suitability }.Where(o => o is not null).Max(o => (DateTimeOffset?)o!.AnsweredAt);

    /// <summary>The deadline of the window of the task's current stage and subcommittee: the open one, else the latest opened.</summary>
    internal static DateTimeOffset? Deadline(ReviewTask task, IEnumerable<StageWindow> windows) =>
        windows.Where(w => w.Stage == task.Stage && w.Subcommittee == task.Subcommittee)
            .OrderByDescending(w => w.IsOpen).ThenByDescending(w => w.OpenedAt)
            .Select(w => (DateTimeOffset?)w.Deadline)
            .FirstOrDefault();
}
