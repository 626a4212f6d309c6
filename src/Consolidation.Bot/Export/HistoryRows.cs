using System.Globalization;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Export;

/// <summary>Turns history entries into the workbook's Japanese history lines (pure).</summary>
public static class HistoryRows
{
    public static HistoryRow From(HistoryEntry entry) => new(
        entry.TaskId,
        entry.At,
        entry.By,
        entry.Kind.Name(japanese: true),
        entry.Stage.Name(japanese: true),
        entry.CardVersion,
        Summary(entry),
        entry.Late);

    /// <summary>A review-wide audit entry as a history line: no task, no card version.</summary>
    public static HistoryRow From(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new HistoryRow("", entry.At, entry.By, entry.Kind.Name(japanese: true), entry.Stage?.Name(japanese: true) ?? "", null, entry.Detail, false);
    }

    public static string Summary(HistoryEntry entry)
    {
        if (entry.Kind == HistoryKind.Reassign)
        {
            var move = $"{entry.AssigneeFrom} → {entry.AssigneeTo}";
            return entry.Reason is null ? move : $"{move}　理由: {entry.Reason}";
        }

        var decision = entry.Answer switch
        {
            PreWgAnswer a => a.Decision.Name(japanese: true) + (a.Reason is null ? "" : $"（{a.Reason}）") + (a.Rough ? "／一括カード（粗い選定）" : ""),
            WgAnswer a => a.Decision.Name(japanese: true) + (a.Destination is { } d ? $"／集約先: {d.Name(japanese: true)}" : "") + (a.Issues is null ? "" : $"（{a.Issues}）"),
            BureauViewAnswer a => a.View.Name(japanese: true) + (a.Comment is null ? "" : $"（{a.Comment}）"),
            SuitabilityAnswer a => a.Decision.Name(japanese: true)
                + (a.Trigger is { } t ? $"／再検討: {t.Name(japanese: true)}" : "")
                + (a.RevisitDate is { } date ? " " + date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture) : "")
                + (a.Reason is null ? "" : $"（{a.Reason}）"),
            _ => "",
        };
        return entry.Reason is null ? decision : string.IsNullOrEmpty(decision) ? $"理由: {entry.Reason}" : $"{decision}　理由: {entry.Reason}";
    }
}
