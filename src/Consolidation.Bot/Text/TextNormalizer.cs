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

    /// <summary>
    /// The longest user text any recognizer sees. A command or a status question is a line or two; capping before the
    /// recognizers run keeps their cost bounded whatever a client sends (the body itself may be 256 KiB).
    /// </summary>
    public const int MaxUserTextLength = 500;

    /// <summary>The message text as the recognizers get it: mentions removed, trimmed, at most <see cref="MaxUserTextLength"/> characters.</summary>
    public static string UserText(string? text)
    {
        // Cut once before the mention regex (a mention is short) and once after it.
        var head = text is { Length: > MaxUserTextLength * 4 } ? text[..(MaxUserTextLength * 4)] : text;
        var stripped = StripMentions(head);
        return stripped.Length > MaxUserTextLength ? stripped[..MaxUserTextLength] : stripped;
    }

    /// <summary>Removes <c>&lt;at&gt;…&lt;/at&gt;</c> mentions (Teams puts the bot's name there in channels).</summary>
    public static string StripMentions(string? text) =>
        string.IsNullOrEmpty(text) ? "" : Mention().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Mention();
}
