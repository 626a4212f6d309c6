using System.Text.RegularExpressions;

namespace Consolidation.Bot.Features.Status.Understanding;

/// <summary>
/// A bureau (所管局) named in a question: the run of kanji and kana that ends in 局 or 室 (財政局, こども青少年局, 危機管理室).
/// The run may start with a particle (プレWGで財政局 → 「で財政局」): the answer matches the review's bureaus against its
/// end (<see cref="Resolve"/>), so the recognizer needs no list of the city's bureaus.
/// </summary>
public static partial class BureauMention
{
    public static string? Find(string normalized) =>
        Run().Matches(normalized).Select(m => m.Value)
            .FirstOrDefault(v => v.Length >= 2 && !v.EndsWith("事務局", StringComparison.Ordinal) && !v.EndsWith("所管局", StringComparison.Ordinal) || KnownCompound(v));

    // 事務局 and 所管局 are common nouns in a question (the secretariat; the bureau in charge, a 集約先), except as the end of
    // a bureau's own name (教育委員会事務局).
    private static bool KnownCompound(string run) => run.Length > 3 && run.EndsWith("委員会事務局", StringComparison.Ordinal);

    /// <summary>The review's bureau the mention names: the longest one it ends with; null when none.</summary>
    public static string? Resolve(string mention, IEnumerable<string> bureaus)
    {
        ArgumentNullException.ThrowIfNull(mention);
        return bureaus.Distinct(StringComparer.Ordinal)
            .Where(b => b.Length > 0 && mention.EndsWith(b, StringComparison.Ordinal))
            .OrderByDescending(b => b.Length)
            .FirstOrDefault();
    }

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}ー]+?(?:局|室)")]
    private static partial Regex Run();
}
