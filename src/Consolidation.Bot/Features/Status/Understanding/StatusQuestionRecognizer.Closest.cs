using Consolidation.Bot.Domain;
using Consolidation.Bot.Text;

namespace Consolidation.Bot.Features.Status.Understanding;

/// <summary>"Did you mean": the questions closest to one that was not understood.</summary>
public static partial class StatusQuestionRecognizer
{
    /// <summary>The <paramref name="count"/> intents whose words look most like <paramref name="text"/> (for "did you mean").</summary>
    public static IReadOnlyList<StatusIntentKind> Closest(string? text, int count = 3)
    {
        var folded = KanaFolding.Fold(TextNormalizer.Normalize(text));
        var words = new Dictionary<StatusIntentKind, IEnumerable<string>>
        {
            [StatusIntentKind.Help] = HelpWords,
            [StatusIntentKind.Task] = HistoryWords,
            [StatusIntentKind.MyTasks] = MyWords,
            [StatusIntentKind.Revisit] = RevisitWords,
            [StatusIntentKind.Overdue] = OverdueWords,
            [StatusIntentKind.NotAnswered] = NotAnsweredWords,
            [StatusIntentKind.Overall] = StatusWords,
            [StatusIntentKind.Subcommittee] = Subcommittees.Aliases.Select(a => a.Alias),
            [StatusIntentKind.Stage] = ["ぷれwg", "wg", "適否", "pre-wg", "suitability"],
            [StatusIntentKind.Outcome] = OutcomeWords.Select(o => o.Word),
        };
        var grams = Bigrams(folded);
        return words
            .Select(w => (Kind: w.Key, Score: w.Value.Concat(Examples[w.Key].Select(KanaFolding.Fold)).Max(k => Similarity(grams, Bigrams(KanaFolding.Fold(k))))))
            .OrderByDescending(x => x.Score).ThenBy(x => DefaultOrder(x.Kind))
            .Take(count).Select(x => x.Kind).ToList();
    }
}
