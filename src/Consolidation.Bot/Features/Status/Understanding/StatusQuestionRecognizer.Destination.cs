namespace Consolidation.Bot.Features.Status.Understanding;

/// <summary>The destination (集約先) a question names: 拠点区, 委託, システム, 所管局 with 集約 nearby.</summary>
public static partial class StatusQuestionRecognizer
{
    private static Domain.Destination? FindDestination(string folded) =>
        DestinationWords.Where(d => folded.Contains(d.Word, StringComparison.Ordinal)).Select(d => (Domain.Destination?)d.Destination).FirstOrDefault();
}
