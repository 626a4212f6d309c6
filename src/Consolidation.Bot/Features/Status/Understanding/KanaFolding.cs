using System.Text;

namespace Consolidation.Bot.Features.Status.Understanding;

/// <summary>Folds katakana to hiragana so that ファネル / ふぁねる or ミカイトウ / みかいとう match the same keyword.</summary>
public static class KanaFolding
{
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= 'ァ' and <= 'ヶ' ? (char)(c - 0x60) : c);
        }

        return builder.ToString();
    }
}
