using ClosedXML.Excel;
using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Export;

/// <summary>The 部会別集計 sheet: the funnel of each subcommittee (from <see cref="ReviewQueries"/>) and the total.</summary>
internal static class FunnelSheet
{
    public static void Write(IXLWorksheet sheet, IReadOnlyList<ReviewTask> tasks)
    {
        SheetCells.Header(sheet, ExportHeaders.Funnel);
        var bySubcommittee = ReviewQueries.FunnelBySubcommittee(tasks);
        var r = 1;
        foreach (var subcommittee in Subcommittees.All)
        {
            WriteRow(sheet.Row(++r), subcommittee.JapaneseName(), bySubcommittee[subcommittee]);
        }

        WriteRow(sheet.Row(++r), ExportHeaders.Total, ReviewQueries.Funnel(tasks));
        sheet.Row(r).Style.Font.Bold = true;
        SheetCells.Finish(sheet, r, ExportHeaders.Funnel.Count, 14);
        sheet.Column(1).Width = 32;
    }

    internal static IReadOnlyList<int> Values(Funnel f) =>
    [
        f.Inventory, f.PreWgKept, f.PreWgExcluded, f.PreWgPending, f.WgStudyTargets, f.WgNotTargets, f.WgPending,
        f.SuitabilityDone, f.SuitabilityContinueLater, f.SuitabilityClosed, f.SuitabilityPending,
    ];

    private static void WriteRow(IXLRow row, string label, Funnel funnel)
    {
        SheetCells.Text(row.Cell(1), label);
        var values = Values(funnel);
        for (var i = 0; i < values.Count; i++)
        {
            row.Cell(i + 2).SetValue(values[i]);
        }
    }
}
