namespace Consolidation.Bot.Features.Status.Understanding;

/// <summary>Comparisons across subcommittees (一番多い部会, which subcommittee is furthest behind).</summary>
public static partial class StatusQuestionRecognizer
{
    /// <summary>
    /// A comparison across subcommittees ("which subcommittee has the most non-responders", 一番進んでいる部会) when none
    /// is named: counts compare by most or fewest, answering progress by ahead or behind.
    /// </summary>
    private static StatusIntent? Compared(StatusIntent? intent, string folded, int named)
    {
        var count = Has(folded, MostWords) ? CompareKind.Most : Has(folded, FewestWords) ? CompareKind.Fewest
            : !Has(folded, SuperlativeWords) ? null : folded.Contains("少な", StringComparison.Ordinal) ? CompareKind.Fewest
            : folded.Contains('多') ? CompareKind.Most : (CompareKind?)null;
        var progress = Has(folded, AheadWords) ? CompareKind.Most : Has(folded, BehindWords) ? CompareKind.Fewest : (CompareKind?)null;
        if (named > 0 || (count is null && progress is null))
        {
            return intent;
        }

        intent ??= new StatusIntent(StatusIntentKind.Overall);
        return intent.Kind switch
        {
            StatusIntentKind.NotAnswered or StatusIntentKind.Overdue or StatusIntentKind.Outcome => intent with { Compare = count ?? CompareKind.Most, List = false },
            StatusIntentKind.Overall or StatusIntentKind.Stage or StatusIntentKind.Subcommittee => intent with { Compare = progress ?? count },
            _ => intent,
        };
    }
}
