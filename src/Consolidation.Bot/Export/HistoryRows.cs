using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Export;

/// <summary>Turns history entries into the workbook's Japanese history lines (pure).</summary>
public static class HistoryRows
{
    private static readonly BotText Japanese = new(BotCultures.Japanese);

    public static HistoryRow From(HistoryEntry entry) => new(
        entry.TaskId,
        entry.At,
        entry.By,
        entry.Kind.Name(japanese: true),
        entry.Stage.Name(japanese: true),
        entry.CardVersion,
        HistorySummary.Of(entry, Japanese),
        entry.Late);

    /// <summary>A review-wide audit entry as a history line: no task, no card version.</summary>
    public static HistoryRow From(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new HistoryRow("", entry.At, entry.By, entry.Kind.Name(japanese: true), entry.Stage?.Name(japanese: true) ?? "", null, entry.Detail, false);
    }
}
