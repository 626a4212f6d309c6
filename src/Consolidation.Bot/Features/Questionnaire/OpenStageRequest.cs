using System.Globalization;
using System.Text.RegularExpressions;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Text;

namespace Consolidation.Bot.Features.Questionnaire;

/// <summary>
/// A parsed "open a stage" command: which stage, for which subcommittees, until when (the deadline's local day), and for
/// プレWG which card, when the secretariat said (一括 / batch, 詳細 / detailed; otherwise <c>Review:PreWgMode</c>).
/// </summary>
public sealed record OpenStageRequest(Stage Stage, IReadOnlyList<Subcommittee> Subcommittees, DateOnly DeadlineDate, PreWgCardMode? Mode = null)
{
    /// <summary>The deadline instant: the end of the local day in the review's time zone (<see cref="Deadlines.EndOf"/>).</summary>
    public DateTimeOffset DeadlineIn(TimeZoneInfo zone) => Deadlines.EndOf(DeadlineDate, zone);
}

/// <summary>Why a command could not be parsed (resource keys of the reply).</summary>
public enum OpenStageParseError
{
    None,
    MissingStage,
    MissingSubcommittee,
    MissingDate,
    DateInPast,

    /// <summary>一括 / batch named for a stage other than プレWG (only the rough selection has a batch card).</summary>
    BatchOnlyPreWg,
}

/// <summary>
/// Parses <c>open prewg 福祉・健康部会 2026-12-20</c>, <c>open wg all 2027/1/15</c>, <c>プレWG開始 福祉 12月20日</c>,
/// <c>適否開始 全部会 2027年1月15日</c>, <c>プレWG開始 福祉 12月20日 一括</c> (pure). A date without a year is its next
/// occurrence from today.
/// </summary>
public static partial class OpenStageParser
{
    public static (OpenStageRequest? Request, OpenStageParseError Error) Parse(string text, DateOnly today)
    {
        var normalized = TextNormalizer.Normalize(text);
        var stage = ParseStage(normalized);
        if (stage is null)
        {
            return (null, OpenStageParseError.MissingStage);
        }

        var mode = BatchWord().IsMatch(normalized) ? PreWgCardMode.Batch : DetailedWord().IsMatch(normalized) ? PreWgCardMode.Detailed : (PreWgCardMode?)null;
        if (mode == PreWgCardMode.Batch && stage != Stage.PreWg)
        {
            return (null, OpenStageParseError.BatchOnlyPreWg);
        }

        var date = ParseDate(normalized, today, out var dateText);
        var rest = dateText is null ? normalized : normalized.Replace(dateText, " ", StringComparison.Ordinal);
        var subcommittees = ParseSubcommittees(rest);
        if (subcommittees.Count == 0)
        {
            return (null, OpenStageParseError.MissingSubcommittee);
        }

        if (date is null)
        {
            return (null, OpenStageParseError.MissingDate);
        }

        return date < today
            ? (null, OpenStageParseError.DateInPast)
            : (new OpenStageRequest(stage.Value, subcommittees, date.Value, stage == Stage.PreWg ? mode : null), OpenStageParseError.None);
    }

    /// <summary>Parses <c>close prewg 福祉</c> / <c>プレWG終了 全部会</c>: the stage and the subcommittees, no date.</summary>
    public static (Stage? Stage, IReadOnlyList<Subcommittee> Subcommittees) ParseClose(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var stage = ParseStage(normalized);
        var rest = CloseWords().Replace(normalized, " ");
        return (stage, stage is null ? [] : ParseSubcommittees(rest));
    }

    /// <summary>The stage a normalised text names (プレWG / pre-wg, WG, 適否 / suitability), if any.</summary>
    public static Stage? ParseStage(string t) =>
        t.Contains("プレwg", StringComparison.Ordinal) || t.Contains("prewg", StringComparison.Ordinal) || t.Contains("pre-wg", StringComparison.Ordinal) || t.Contains("ぷれwg", StringComparison.Ordinal) ? Stage.PreWg
        : t.Contains("適否", StringComparison.Ordinal) || t.Contains("suitability", StringComparison.Ordinal) ? Stage.Suitability
        : WgWord().IsMatch(t) ? Stage.Wg
        : null;

    private static List<Subcommittee> ParseSubcommittees(string rest)
    {
        if (AllWord().IsMatch(rest))
        {
            return [.. Subcommittees.All];
        }

        var found = new List<Subcommittee>();
        foreach (var token in rest.Split([' ', ',', '、', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            var cleaned = StageWords().Replace(token, "");
            if (Subcommittees.Parse(cleaned) is { } s && !found.Contains(s))
            {
                found.Add(s);
            }
        }

        return found;
    }

    /// <summary>A date in a normalised text (2026-12-20, 2026/12/20, 12/20, 12月20日; without a year: its next occurrence).</summary>
    public static DateOnly? ParseDate(string t, DateOnly today, out string? matched)
    {
        matched = null;
        var full = FullDate().Match(t);
        if (full.Success)
        {
            matched = full.Value;
            return Make(Int(full, "y"), Int(full, "m"), Int(full, "d"));
        }

        var monthDay = MonthDay().Match(t);
        if (!monthDay.Success)
        {
            return null;
        }

        matched = monthDay.Value;
        var (month, day) = (Int(monthDay, "m"), Int(monthDay, "d"));
        var thisYear = Make(today.Year, month, day);
        return thisYear is { } d && d >= today ? d : Make(today.Year + 1, month, day);
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static DateOnly? Make(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    [GeneratedRegex(@"(?<y>\d{4})\s*[-/年.]\s*(?<m>\d{1,2})\s*[-/月.]\s*(?<d>\d{1,2})\s*日?")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"(?<m>\d{1,2})\s*[/月]\s*(?<d>\d{1,2})\s*日?")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"(^|[^a-z])wg($|[^a-z])")]
    private static partial Regex WgWord();

    [GeneratedRegex(@"(^|\s)(all|全部会|全て|すべて|全部)(\s|$)")]
    private static partial Regex AllWord();

    [GeneratedRegex(@"(一括|いっかつ|まとめて|(^|[^a-z])batch($|[^a-z]))")]
    private static partial Regex BatchWord();

    [GeneratedRegex(@"(詳細|1件ずつ|一件ずつ|(^|[^a-z])detailed($|[^a-z]))")]
    private static partial Regex DetailedWord();

    [GeneratedRegex(@"(close|終了|締め切り|締切)")]
    private static partial Regex CloseWords();

    [GeneratedRegex(@"^(open|close|プレwg終了|wg終了|適否終了|プレwg開始|プレwg|prewg|wg開始|wg|適否開始|適否|suitability|開始|を開始)")]
    private static partial Regex StageWords();
}
