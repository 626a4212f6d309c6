using System.Text.RegularExpressions;

namespace Consolidation.Bot.Features.Status.Understanding;

/// <summary>
/// A person named in a question by their name and さん or 様 (佐藤さんの未回答, 佐藤健一さんの担当): the name as written. The
/// answer looks it up among the review's members (<see cref="Review.MemberLookup"/>): several matches are said, never guessed.
/// </summary>
public static partial class MemberMention
{
    /// <summary>Words before さん that are not a person (皆さん, みなさん).</summary>
    private static readonly string[] NotNames = ["皆", "みな", "みんな", "皆様"];

    public static string? Find(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var match = Name().Match(normalized);
        return match.Success && !NotNames.Contains(match.Groups["name"].Value) ? match.Groups["name"].Value.Trim() : null;
    }

    [GeneratedRegex(@"(?<name>[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}ー]{1,6}(?: [\p{IsCJKUnifiedIdeographs}\p{IsKatakana}ー]{1,6})?|[\p{IsHiragana}]{2,8})(?:さん|様)")]
    private static partial Regex Name();
}
