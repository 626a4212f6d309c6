using ClosedXML.Excel;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Export;

/// <summary>
/// The task sheet's answer columns after the importable ones: where the work would go, whether only part of it, when a
/// continue-later task comes up again, the staff and budget the destination would need (basic item 6), and the reason
/// or issues of the furthest answered stage, the task's round and how its earlier rounds ended (再検討), and the bureau's
/// view at WG beside the 担当区長's decision. Placed last so the sheet still imports as a task file.
/// </summary>
internal static class OutcomeCells
{
    public static IReadOnlyList<string> Headers { get; } = ["集約先", "一部集約", "再検討のきっかけ", "再検討の目安日", "体制・予算措置", "理由・課題", "回", "前回の判断", "所管部局の見解"];

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
        SheetCells.Number(row.Cell(firstColumn + 6), state.Round);
        SheetCells.Text(row.Cell(firstColumn + 7), EarlierRounds(state));
        SheetCells.Text(row.Cell(firstColumn + 8), state.BureauView?.Answer is BureauViewAnswer view
            ? view.View.Name(japanese: true) + (string.IsNullOrWhiteSpace(view.Comment) ? "" : $"（{view.Comment}）")
            : "");
    }

    /// <summary>How each earlier round ended (再検討): <c>第1回: 引き続き検討予定（システム標準化のBPR）</c>, one per line.</summary>
    internal static string EarlierRounds(TaskState state) => string.Join("\n", state.EarlierRounds.Select(r =>
        $"第{r.Round}回: " + (r.Suitability?.Answer is SuitabilityAnswer s
            ? s.Decision.Name(japanese: true) + (s.Trigger is { } t ? $"（{t.Name(japanese: true)}）" : "")
            : r.Wg?.Answer is WgAnswer w ? w.Decision.Name(japanese: true) : "")));

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
