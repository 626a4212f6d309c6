using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Consolidation.Bot.Text;

/// <summary>
/// Normalises what users type: Unicode NFKC (full-width letters, digits and spaces become half-width;
/// half-width katakana becomes full-width), lower case, one space between words, no trailing 。！？!?.
/// </summary>
public static partial class TextNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var normalized = text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        normalized = Whitespace().Replace(normalized, " ").Trim();
        return normalized.TrimEnd('。', '!', '?', '！', '？', '.', ' ');
    }

    /// <summary>Removes <c>&lt;at&gt;…&lt;/at&gt;</c> mentions (Teams puts the bot's name there in channels).</summary>
    public static string StripMentions(string? text) =>
        string.IsNullOrEmpty(text) ? "" : Mention().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Mention();
}
