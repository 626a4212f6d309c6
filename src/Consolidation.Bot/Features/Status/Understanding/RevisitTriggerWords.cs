using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Features.Status.Understanding;

/// <summary>
/// The revisit triggers as people name them (normalised and folded: lower case, katakana as hiragana), for status
/// questions and for the secretariat's revisit command alike: 標準化のBPR, 制度変更, DXの進展, 日付, その他の状況変化.
/// </summary>
public static class RevisitTriggerWords
{
    private static readonly (string Word, RevisitTrigger Trigger)[] Words =
    [
        ("標準化", RevisitTrigger.StandardizationBpr), ("bpr", RevisitTrigger.StandardizationBpr), ("standardi", RevisitTrigger.StandardizationBpr),
        ("制度変更", RevisitTrigger.RuleChange), ("制度改正", RevisitTrigger.RuleChange), ("rule change", RevisitTrigger.RuleChange),
        ("dx", RevisitTrigger.DxProgress), ("でじたる", RevisitTrigger.DxProgress), ("digital", RevisitTrigger.DxProgress),
        ("日付", RevisitTrigger.Date), ("期日", RevisitTrigger.Date), ("a date", RevisitTrigger.Date),
        ("その他の状況変化", RevisitTrigger.OtherChange), ("状況変化", RevisitTrigger.OtherChange),
    ];

    /// <summary>The first trigger the text names; null when none.</summary>
    public static RevisitTrigger? Find(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        return Words.Where(t => folded.Contains(t.Word, StringComparison.Ordinal)).Select(t => (RevisitTrigger?)t.Trigger).FirstOrDefault();
    }
}
