namespace Consolidation.Bot.Features.Status.Understanding;

/// <summary>
/// Entities found by their words: the destination (集約先: 拠点区, 委託, システム, 所管局 with 集約 nearby) and the revisit
/// trigger (再検討のきっかけ: 標準化のBPR, 制度変更, DXの進展, 日付, その他).
/// </summary>
public static partial class StatusQuestionRecognizer
{
    private static Domain.Destination? FindDestination(string folded) =>
        DestinationWords.Where(d => folded.Contains(d.Word, StringComparison.Ordinal)).Select(d => (Domain.Destination?)d.Destination).FirstOrDefault();

    private static Domain.RevisitTrigger? FindTrigger(string folded) => RevisitTriggerWords.Find(folded);
}
