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
    private static readonly string[] HelpWords = ["へるぷ", "使い方", "つかいかた", "何ができ", "なにができ", "何が聞け", "なにがきけ", "何を聞け", "質問例", "help", "what can", "how do i"];
    private static readonly string[] HistoryWords = ["履歴", "経緯", "記録", "りれき", "history", "record", "log"];
    private static readonly string[] MyWords = ["私の", "わたしの", "自分の", "じぶんの", "僕の", "my tasks", "my task", "my open", "assigned to me", "my own"];
    private static readonly string[] RevisitWords = ["再検討", "引き続き検討", "継続検討", "継続", "見直し", "きっかけ", "revisit", "continue later", "continued later", "trigger"];
    private static readonly string[] OverdueWords = ["期限切れ", "期限を過ぎ", "期限すぎ", "期限が過ぎ", "期限超過", "締切を過ぎ", "締め切りを過ぎ", "遅れ", "遅延", "延滞", "overdue", "late", "past due", "past the deadline", "behind"];
    private static readonly string[] NotAnsweredWords =
    [
        "未回答", "回答していない", "回答してない", "回答がない", "回答が無い", "答えていない", "答えてない", "まだ回答", "未提出", "出していない", "出してない", "回答待ち", "未返信",
        "not answered", "unanswered", "hasn't answered", "haven't answered", "has not answered", "have not answered", "non-responders", "non responders",
        "nonresponders", "who has not", "who hasn't", "missing answers", "pending answers", "not responded", "hasn't responded",
    ];

    /// <summary>Outcome words, most specific first (対象外 before 対象; 検討対象としない before 検討対象).</summary>
    private static readonly (string Word, FunnelOutcome Outcome)[] OutcomeWords =
    [
        ("検討対象としない", FunnelOutcome.NotTarget), ("検討対象外", FunnelOutcome.NotTarget), ("対象外", FunnelOutcome.NotTarget),
        ("not a study target", FunnelOutcome.NotTarget), ("not study target", FunnelOutcome.NotTarget), ("not targets", FunnelOutcome.NotTarget),
        ("検討対象候補", FunnelOutcome.Kept), ("残した", FunnelOutcome.Kept), ("残す", FunnelOutcome.Kept), ("残っ", FunnelOutcome.Kept),
        ("kept", FunnelOutcome.Kept),
        ("除外", FunnelOutcome.Excluded), ("じょがい", FunnelOutcome.Excluded), ("excluded", FunnelOutcome.Excluded), ("exclude", FunnelOutcome.Excluded),
        ("検討終了", FunnelOutcome.Closed), ("けんとうしゅうりょう", FunnelOutcome.Closed), ("ended", FunnelOutcome.Closed),
        ("集約化等実施済", FunnelOutcome.Done), ("実施済", FunnelOutcome.Done), ("集約済", FunnelOutcome.Done), ("すでに集約", FunnelOutcome.Done),
        ("already consolidated", FunnelOutcome.Done), ("consolidated already", FunnelOutcome.Done),
        ("検討対象", FunnelOutcome.StudyTarget), ("study target", FunnelOutcome.StudyTarget),
    ];

    private static readonly string[] CountWords = ["何件", "なんけん", "いくつ", "件数", "数は", "何個", "how many", "number of", "count"];
    private static readonly string[] ListWords = ["どれ", "どの事務", "一覧", "リスト", "見せて", "教えて", "which", "list", "show"];

    private static readonly string[] StatusWords =
    [
        "進捗", "しんちょく", "状況", "じょうきょう", "進み具合", "進み", "どうなって", "どんな感じ", "どう", "ふぁねる", "全体", "概要", "まとめ", "数字", "件数", "現状",
        "status", "progress", "overview", "funnel", "summary", "where are we", "how are we", "how is", "how's", "how are", "numbers",
    ];

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

        var folded = KanaFolding.Fold(normalized);
        var named = StatusQuestionReadings.NamedSubcommittees(folded);
        var subcommittee = named.Count > 1 ? null : FindSubcommittee(folded);
        var intent = Read(normalized, folded, subcommittee, today);
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

    /// <summary>
    /// A subcommittee named in the text: any alias as a substring (longest first), else an alias of 4+ kanji, 5+ kana or
    /// 5+ romaji characters within one typo, and only when exactly one subcommittee is that close: a near match to two
    /// is no match (never answer about a subcommittee that was not named).
    /// </summary>
    public static Subcommittee? FindSubcommittee(string folded)
    {
        var compact = Subcommittees.Compact(folded);
        foreach (var (alias, subcommittee) in Subcommittees.Aliases)
        {
            if (alias.Length >= 2 && compact.Contains(KanaFolding.Fold(alias), StringComparison.Ordinal))
            {
                return subcommittee;
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

        return near.Count == 1 ? near.Single() : null;
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
