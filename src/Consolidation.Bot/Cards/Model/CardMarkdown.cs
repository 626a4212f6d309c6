using System.Text;

namespace Consolidation.Bot.Cards.Model;

/// <summary>
/// Teams renders a subset of Markdown in <c>TextBlock.text</c> and in facts (links <c>[x](url)</c>, emphasis, lists).
/// The bot's own texts use none of it, while names come from imports and Microsoft Graph: so every such text is escaped
/// where the card model is built (<see cref="TextBlock"/>, <see cref="Fact"/>), and a task named <c>[x](https://evil)</c>
/// shows as those characters, not as a link. Backslash escapes are CommonMark's, which Teams' renderer follows.
/// </summary>
public static class CardMarkdown
{
    private const string Special = "\\[]*_~`";

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var builder = new StringBuilder(text.Length + 8);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (lineStart && IsListMarker(text, i, out var markerEnd))
            {
                // "- item", "+ item", "1. item" at a line's start would become a list: escape the marker.
                builder.Append(text, i, markerEnd - i).Append('\\').Append(text[markerEnd]);
                i = markerEnd;
                lineStart = false;
                continue;
            }

            if (Special.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
            lineStart = c == '\n' || (lineStart && c is ' ' or '\t');
        }

        return builder.ToString();
    }

    /// <summary>True when a list marker starts at <paramref name="i"/>; <paramref name="markerEnd"/> is the index of its last character.</summary>
    private static bool IsListMarker(string text, int i, out int markerEnd)
    {
        markerEnd = i;
        if (text[i] is '-' or '+')
        {
            return i + 1 < text.Length && text[i + 1] == ' ';
        }

        var j = i;
        while (j < text.Length && char.IsAsciiDigit(text[j]))
        {
            j++;
        }

        markerEnd = j;
        return j > i && j + 1 < text.Length && text[j] is '.' or ')' && text[j + 1] == ' ';
    }
}
