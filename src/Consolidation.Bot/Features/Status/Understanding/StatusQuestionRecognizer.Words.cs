using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Features.Status.Understanding;

/// <summary>The words the recognizer looks for (folded: katakana as hiragana, lower case, half-width).</summary>
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
        ("were closed", FunnelOutcome.Closed), ("been closed", FunnelOutcome.Closed),
        ("引き続き検討", FunnelOutcome.ContinueLater), ("continue later", FunnelOutcome.ContinueLater), ("continued later", FunnelOutcome.ContinueLater),
        ("集約化等実施済", FunnelOutcome.Done), ("実施済", FunnelOutcome.Done), ("集約済", FunnelOutcome.Done), ("すでに集約", FunnelOutcome.Done),
        ("already consolidated", FunnelOutcome.Done), ("consolidated already", FunnelOutcome.Done), ("already done", FunnelOutcome.Done),
        ("検討対象", FunnelOutcome.StudyTarget), ("study target", FunnelOutcome.StudyTarget),
    ];

    /// <summary>Where a WG study target would be consolidated (集約先), as a question names it; 所管局 only with 集約 nearby.</summary>
    private static readonly (string Word, Destination Destination)[] DestinationWords =
    [
        ("拠点区", Destination.HubWard), ("外部委託", Destination.Outsourcing), ("委託", Destination.Outsourcing), ("しすてむ化", Destination.System),
        ("しすてむで", Destination.System), ("しすてむに", Destination.System), ("所管局に集約", Destination.Bureau), ("所管局へ集約", Destination.Bureau),
        ("所管局への集約", Destination.Bureau), ("集約先が所管局", Destination.Bureau), ("集約先は所管局", Destination.Bureau),
        ("hub ward", Destination.HubWard), ("outsourc", Destination.Outsourcing), ("to the bureau", Destination.Bureau), ("by a system", Destination.System),
    ];

    /// <summary>"Since the last digest": what changed after it was posted.</summary>
    private static readonly string[] SinceDigestWords =
        ["前回のだいじぇすと", "だいじぇすと以降", "だいじぇすとから", "だいじぇすとの後", "だいじぇすとのあと", "since the last digest", "since last digest", "after the last digest"];

    private static readonly string[] CountWords = ["何件", "なんけん", "いくつ", "件数", "数は", "の数", "数を", "何個", "how many", "number of", "count"];
    private static readonly string[] ListWords = ["どれ", "どの事務", "一覧", "リスト", "見せて", "教えて", "which", "list", "show"];

    private static readonly string[] StatusWords =
    [
        "進捗", "しんちょく", "状況", "じょうきょう", "進み具合", "進み", "どうなって", "どんな感じ", "どう", "ふぁねる", "全体", "概要", "まとめ", "数字", "件数", "現状",
        "status", "progress", "overview", "funnel", "summary", "where are we", "how are we", "how is", "how's", "how are", "numbers", "big picture",
    ];

    /// <summary>A comparison across subcommittees: the most or fewest of a count, the furthest ahead or behind in answering.</summary>
    private static readonly string[] MostWords = ["一番多", "いちばん多", "最も多", "もっとも多", "最多", "most", "highest"];
    private static readonly string[] FewestWords = ["一番少", "いちばん少", "最も少", "もっとも少", "最少", "fewest", "least", "lowest"];
    private static readonly string[] AheadWords = ["一番進", "いちばん進", "最も進", "もっとも進", "furthest ahead", "best"];
    private static readonly string[] BehindWords = ["一番遅", "いちばん遅", "最も遅", "もっとも遅", "furthest behind", "worst"];

    /// <summary>"The most" with the adjective later in the sentence (一番除外が少ない): the superlative alone.</summary>
    private static readonly string[] SuperlativeWords = ["一番", "いちばん", "最も", "もっとも"];
}
