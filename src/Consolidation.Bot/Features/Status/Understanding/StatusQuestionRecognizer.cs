using System.Globalization;
using System.Text.RegularExpressions;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Text;

namespace Consolidation.Bot.Features.Status.Understanding;

/// <summary>
/// Understands status questions in Japanese and English without any service: the text is normalised (NFKC: full-width
/// letters and digits become half-width; lower case), katakana folded to hiragana, then keywords decide the intent in a
/// fixed order (help, a task id or a task's history, my tasks, revisit, overdue, not answered, then status of a
/// subcommittee, a stage or the whole review); subcommittee names are found by any of their names or short forms, with
/// one typo forgiven; stages, task ids and dates (今週, 来週, 今月, 今日, 12月20日, 12/20, "this week") are read too.
/// Deterministic and pure: the same text and day give the same answer.
/// </summary>
public static partial class StatusQuestionRecognizer
{
    private static readonly Dictionary<StatusIntentKind, string[]> Examples = new()
    {
        [StatusIntentKind.Overall] = ["全体の進捗は", "overall status"],
        [StatusIntentKind.Subcommittee] = ["福祉・健康部会の進捗は", "how is welfare doing"],
        [StatusIntentKind.Stage] = ["プレwgの状況は", "wg status"],
        [StatusIntentKind.Overdue] = ["期限切れの事務は", "overdue tasks"],
        [StatusIntentKind.NotAnswered] = ["未回答の人は", "who has not answered"],
        [StatusIntentKind.Task] = ["j-0012の履歴", "history of j-0012"],
        [StatusIntentKind.MyTasks] = ["私の担当は", "my tasks"],
        [StatusIntentKind.Revisit] = ["再検討リストは", "revisit list"],
        [StatusIntentKind.Help] = ["何が聞ける", "what can i ask"],
        [StatusIntentKind.Outcome] = ["プレwgで除外したのは何件", "how many were excluded"],
    };

    /// <summary>The intent of <paramref name="text"/>, or null when it is not a status question the bot knows.</summary>
    public static StatusIntent? Recognize(string? text, DateOnly today)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        // A bureau's name is not a subcommittee's (財政局 is not 人事・財政部会): read the rest without it.
        var bureau = BureauMention.Find(normalized);
        normalized = bureau is null ? normalized : normalized.Replace(bureau, " ", StringComparison.Ordinal);
        var person = MemberMention.Find(normalized);
        normalized = person is null ? normalized : normalized.Replace(person, " ", StringComparison.Ordinal);
        var folded = KanaFolding.Fold(normalized);
        var named = StatusQuestionReadings.NamedSubcommittees(folded);
        var (subcommittee, approximate, near) = named.Count > 1 ? (null, false, []) : MatchSubcommittee(folded);
        if (named.Count <= 1 && near.Count > 1)
        {
            named = near; // a typo near two subcommittees: two readings compete, so the question is clarified
        }

        var intent = Compared(Read(normalized, folded, subcommittee, today), folded, named.Count);
        if (intent is not null && approximate && intent.Subcommittee == subcommittee)
        {
            intent = intent with { Confidence = ReadingConfidence.Approximate };
        }
        if (FindDestination(folded) is { } destination && (intent is null || intent.Kind is StatusIntentKind.Outcome or StatusIntentKind.Overall))
        {
            intent = new StatusIntent(StatusIntentKind.Outcome, subcommittee, Stage.Wg, Outcome: FunnelOutcome.StudyTarget,
                List: Has(folded, ListWords) && !Has(folded, CountWords), Destination: destination);
        }

        if (Has(folded, SinceDigestWords))
        {
            return new StatusIntent(StatusIntentKind.Overall, subcommittee, SinceLastDigest: true);
        }

        if (person is not null && (intent is null ? Has(folded, CountWords) || Has(folded, StatusWords)
            : intent.Kind is StatusIntentKind.Overall or StatusIntentKind.Outcome or StatusIntentKind.NotAnswered or StatusIntentKind.Overdue))
        {
            intent = (intent ?? new StatusIntent(StatusIntentKind.Overall)) with { Member = person };
        }

        if (bureau is not null && (intent is null ? Has(folded, CountWords) || Has(folded, StatusWords)
            : intent.Kind is StatusIntentKind.Overall or StatusIntentKind.Outcome or StatusIntentKind.NotAnswered or StatusIntentKind.Overdue))
        {
            intent = (intent ?? new StatusIntent(StatusIntentKind.Overall)) with { Bureau = bureau }; // 財政局の事務は何件: its funnel
        }

        return intent is not null && named.Count > 1 && intent.Kind is StatusIntentKind.Subcommittee or StatusIntentKind.NotAnswered
            or StatusIntentKind.Overdue or StatusIntentKind.Revisit or StatusIntentKind.Outcome or StatusIntentKind.Overall or StatusIntentKind.Stage
            ? intent with { Kind = intent.Kind is StatusIntentKind.Overall or StatusIntentKind.Stage ? StatusIntentKind.Subcommittee : intent.Kind, Candidates = named }
            : intent;
    }

    private static StatusIntent? Read(string normalized, string folded, Subcommittee? subcommittee, DateOnly today)
    {
        var stage = OpenStageParser.ParseStage(normalized);
        var deadlines = FindDates(folded, today);
        var taskId = TaskId().Match(normalized) is { Success: true } id ? id.Value.ToUpperInvariant() : null;
        var fragment = Quoted().Match(normalized) is { Success: true } q ? q.Groups["name"].Value.Trim() : null;

        if (Has(folded, HelpWords))
        {
            return new StatusIntent(StatusIntentKind.Help);
        }

        if (taskId is not null)
        {
            return new StatusIntent(StatusIntentKind.Task, TaskId: taskId);
        }

        if (fragment is { Length: > 0 } && (Has(folded, HistoryWords) || Has(folded, StatusWords)))
        {
            return new StatusIntent(StatusIntentKind.Task, NameFragment: fragment);
        }

        if (Has(folded, MyWords))
        {
            return new StatusIntent(StatusIntentKind.MyTasks);
        }

        if (FindTrigger(folded) is { } trigger && (Has(folded, RevisitWords) || FindOutcome(folded) == FunnelOutcome.ContinueLater))
        {
            return new StatusIntent(StatusIntentKind.Revisit, subcommittee, Trigger: trigger);
        }

        // A count (or the most / fewest) of an outcome is asked about that outcome, even when the outcome's words are also
        // a revisit word (引き続き検討予定は何件: a count, not the revisit list).
        if (FindOutcome(folded) is { } counted && (Has(folded, CountWords) || Has(folded, MostWords) || Has(folded, FewestWords) || Has(folded, SuperlativeWords)))
        {
            return new StatusIntent(StatusIntentKind.Outcome, subcommittee, counted.StageOf(), Outcome: counted, List: false);
        }

        if (Has(folded, RevisitWords))
        {
            return new StatusIntent(StatusIntentKind.Revisit, subcommittee);
        }

        if (Has(folded, OverdueWords))
        {
            return new StatusIntent(StatusIntentKind.Overdue, subcommittee, stage, Deadlines: deadlines);
        }

        if (Has(folded, NotAnsweredWords))
        {
            return new StatusIntent(StatusIntentKind.NotAnswered, subcommittee, stage, Deadlines: deadlines);
        }

        if (FindOutcome(folded) is { } outcome)
        {
            // An outcome named is the subject: count it (or list it when asked which), in the subcommittee if one is named.
            var list = Has(folded, ListWords) && !Has(folded, CountWords);
            return new StatusIntent(StatusIntentKind.Outcome, subcommittee, outcome.StageOf(), Outcome: outcome, List: list);
        }

        if (subcommittee is not null)
        {
            return new StatusIntent(StatusIntentKind.Subcommittee, subcommittee, stage, Deadlines: deadlines);
        }

        if (stage is not null)
        {
            return new StatusIntent(StatusIntentKind.Stage, Stage: stage, Deadlines: deadlines);
        }

        return Has(folded, StatusWords) ? new StatusIntent(StatusIntentKind.Overall, Deadlines: deadlines) : null;
    }

    /// <summary>The example phrasing of each intent (Japanese, English), as help shows them.</summary>
    public static IReadOnlyDictionary<StatusIntentKind, string[]> ExamplePhrasings => Examples;

    /// <summary>
    /// A subcommittee named in the text: any alias as a substring (longest first), else an alias of 4+ kanji, 5+ kana or
    /// 5+ romaji characters within one typo, and only when exactly one subcommittee is that close: a near match to two
    /// is no match (never answer about a subcommittee that was not named).
    /// </summary>
    public static Subcommittee? FindSubcommittee(string folded) => MatchSubcommittee(folded).Match;

    /// <summary>
    /// The subcommittee a folded text names: exactly by any alias; else past one typo when exactly one is near
    /// (<c>Approximate</c>); else none, with <c>Near</c> listing the competing ones when several are.
    /// </summary>
    private static (Subcommittee? Match, bool Approximate, IReadOnlyList<Subcommittee> Near) MatchSubcommittee(string folded)
    {
        var compact = Subcommittees.Compact(folded);
        foreach (var (alias, subcommittee) in Subcommittees.Aliases)
        {
            if (alias.Length >= 2 && compact.Contains(KanaFolding.Fold(alias), StringComparison.Ordinal))
            {
                return (subcommittee, false, [subcommittee]);
            }
        }

        var near = new HashSet<Subcommittee>();
        foreach (var (alias, subcommittee) in Subcommittees.Aliases)
        {
            var word = KanaFolding.Fold(alias);
            var ascii = word.All(char.IsAscii);
            // Kana words are short and alike (けんこう / けんとう): one typo only from five kana on; kanji from four.
            var kana = word.Any(c => c is >= '\u3040' and <= '\u30ff');
            var allowed = ascii ? (word.Length >= 7 ? 2 : word.Length >= 5 ? 1 : 0) : (word.Length >= (kana ? 5 : 4) ? 1 : 0);
            if (allowed > 0 && FuzzyMatch.ContainsApproximately(compact, word, allowed))
            {
                near.Add(subcommittee);
            }
        }

        return near.Count == 1 ? (near.Single(), true, [.. near]) : (null, false, [.. near.Order()]);
    }

    private static FunnelOutcome? FindOutcome(string folded)
    {
        foreach (var (word, outcome) in OutcomeWords)
        {
            if (folded.Contains(KanaFolding.Fold(word), StringComparison.Ordinal))
            {
                return outcome;
            }
        }

        return null;
    }

    private static DateRange? FindDates(string folded, DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        if (folded.Contains("来週", StringComparison.Ordinal) || folded.Contains("next week", StringComparison.Ordinal))
        {
            return new DateRange(monday.AddDays(7), monday.AddDays(13));
        }

        if (folded.Contains("今週", StringComparison.Ordinal) || folded.Contains("this week", StringComparison.Ordinal))
        {
            return new DateRange(monday, monday.AddDays(6));
        }

        if (folded.Contains("今月", StringComparison.Ordinal) || folded.Contains("this month", StringComparison.Ordinal))
        {
            return new DateRange(new DateOnly(today.Year, today.Month, 1), new DateOnly(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month)));
        }

        if (folded.Contains("明日", StringComparison.Ordinal) || folded.Contains("tomorrow", StringComparison.Ordinal))
        {
            return new DateRange(today.AddDays(1), today.AddDays(1));
        }

        if (folded.Contains("今日", StringComparison.Ordinal) || folded.Contains("本日", StringComparison.Ordinal) || folded.Contains("today", StringComparison.Ordinal))
        {
            return new DateRange(today, today);
        }

        if (OpenStageParser.ParseDate(folded, today, out var matched) is { } date)
        {
            var until = folded.Contains(matched + "まで", StringComparison.Ordinal) || folded.Contains("by " + matched, StringComparison.Ordinal)
                || folded.Contains("until " + matched, StringComparison.Ordinal);
            return until ? new DateRange(today, date) : new DateRange(date, date);
        }

        return null;
    }

    private static bool Has(string folded, string[] words) => words.Any(w => folded.Contains(KanaFolding.Fold(w), StringComparison.Ordinal));

    private static HashSet<string> Bigrams(string s)
    {
        var compact = s.Replace(" ", "", StringComparison.Ordinal);
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < compact.Length; i++)
        {
            grams.Add(compact.Substring(i, 2));
        }

        if (compact.Length == 1)
        {
            grams.Add(compact);
        }

        return grams;
    }

    private static double Similarity(HashSet<string> a, HashSet<string> b) =>
        a.Count == 0 || b.Count == 0 ? 0 : (double)a.Intersect(b).Count() / Math.Min(a.Count, b.Count) * (2.0 * a.Intersect(b).Count() / (a.Count + b.Count) + 1) / 2;

    private static int DefaultOrder(StatusIntentKind kind) => kind switch
    {
        StatusIntentKind.Overall => 0,
        StatusIntentKind.MyTasks => 1,
        StatusIntentKind.NotAnswered => 2,
        StatusIntentKind.Help => 3,
        _ => 4 + (int)kind,
    };

    [GeneratedRegex(@"(?<![a-z0-9])[a-z]{1,4}-?\d{2,6}(?![0-9])")]
    private static partial Regex TaskId();

    [GeneratedRegex(@"[「『""“](?<name>[^」』""”]{1,40})[」』""”]")]
    private static partial Regex Quoted();
}
