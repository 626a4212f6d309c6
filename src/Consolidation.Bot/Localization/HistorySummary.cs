using System.Globalization;
using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Localization;

/// <summary>
/// What a task's history entry says, in one line: the decision with its details and reason, or a reassignment's move.
/// The export's history sheet writes it in Japanese; the tab in the page's language.
/// </summary>
public static class HistorySummary
{
    public static string Of(HistoryEntry entry, BotText text)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(text);
        if (entry.Kind == HistoryKind.Reassign)
        {
            var move = text.Format(nameof(Strings.History_Move), entry.AssigneeFrom, entry.AssigneeTo);
            return entry.Reason is null ? move : text.Format(nameof(Strings.History_WithReason), move, entry.Reason);
        }

        var ja = text.IsJapanese;
        var decision = entry.Answer switch
        {
            PreWgAnswer a => a.Decision.Name(ja) + Aside(a.Reason, text) + (a.Rough ? text[nameof(Strings.History_Rough)] : ""),
            WgAnswer a => a.Decision.Name(ja) + (a.Destination is { } d ? text.Format(nameof(Strings.History_Destination), d.Name(ja)) : "") + Aside(a.Issues, text),
            BureauViewAnswer a => a.View.Name(ja) + Aside(a.Comment, text),
            SuitabilityAnswer a => a.Decision.Name(ja)
                + (a.Trigger is { } t ? text.Format(nameof(Strings.History_Revisit), t.Name(ja)) : "")
                + (a.RevisitDate is { } date ? " " + date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture) : "")
                + Aside(a.Reason, text),
            _ => "",
        };
        return entry.Reason is null ? decision
            : string.IsNullOrEmpty(decision) ? text.Format(nameof(Strings.History_Reason), entry.Reason)
            : text.Format(nameof(Strings.History_WithReason), decision, entry.Reason);
    }

    private static string Aside(string? value, BotText text) => value is null ? "" : text.Format(nameof(Strings.History_Aside), value);
}
