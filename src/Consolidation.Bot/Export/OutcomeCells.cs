using ClosedXML.Excel;
using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Export;

/// <summary>
/// The task sheet's answer columns after the importable ones: where the work would go, whether only part of it, when a
/// continue-later task comes up again, the staff and budget the destination would need (basic item 6), and the reason
/// or issues of the furthest answered stage. Placed last so the sheet still imports as a task file.
/// </summary>
internal static class OutcomeCells
{
    public static IReadOnlyList<string> Headers { get; } = ["集約先", "一部集約", "再検討のきっかけ", "再検討の目安日", "体制・予算措置", "理由・課題"];

    public const string DateFormat = "yyyy/mm/dd";

    public static void Write(IXLRow row, int firstColumn, TaskState state)
    {
        var wg = state.Wg?.Answer as WgAnswer;
        var suitability = state.Suitability?.Answer as SuitabilityAnswer;
        SheetCells.Text(row.Cell(firstColumn), DestinationText(wg));
        SheetCells.Text(row.Cell(firstColumn + 1), wg?.Partial == true ? "はい" : "");
        SheetCells.Text(row.Cell(firstColumn + 2), suitability?.Trigger?.Name(japanese: true));
        if (suitability?.RevisitDate is { } date)
        {
            row.Cell(firstColumn + 3).SetValue(date.ToDateTime(TimeOnly.MinValue));
            row.Cell(firstColumn + 3).Style.DateFormat.Format = DateFormat;
        }

        SheetCells.Text(row.Cell(firstColumn + 4), suitability?.StaffingBudget);
        SheetCells.Text(row.Cell(firstColumn + 5), LatestReason(state));
    }

    /// <summary>The suggested destination and the respondent's own words, either or both: 所管局（債権管理課）.</summary>
    internal static string DestinationText(WgAnswer? wg) => (wg?.Destination, wg?.DestinationNote) switch
    {
        (null, null or "") => "",
        ({ } d, null or "") => d.Name(japanese: true),
        (null, { } note) => note,
        ({ } d, { } note) => $"{d.Name(japanese: true)}（{note}）",
    };

    /// <summary>The reason or issues written at the furthest answered stage (same order as the 判断 column).</summary>
    internal static string LatestReason(TaskState state) =>
        state.Suitability?.Answer is SuitabilityAnswer s ? s.Reason ?? ""
        : state.Wg?.Answer is WgAnswer w ? w.Issues ?? ""
        : state.PreWg?.Answer is PreWgAnswer p ? p.Reason ?? ""
        : "";
}
