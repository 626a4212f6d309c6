using System.Text;

namespace Consolidation.Bot.Routing.Commands;

/// <summary>
/// A one-word command's arguments from the message as typed (the recognizer's arguments are normalised to lower case,
/// which would change task ids and the secretariat's reasons): the first word (NFKC, so full-width digits become
/// ASCII) and the rest as written.
/// </summary>
public static class CommandArguments
{
    private static readonly char[] Spaces = [' ', '　', '\t', '\n', '\r'];

    public static (string First, string Remainder) AfterCommandWord(string? text)
    {
        var words = (text ?? "").Trim().Split(Spaces, 3, StringSplitOptions.RemoveEmptyEntries);
        var first = words.Length > 1 ? words[1].Normalize(NormalizationForm.FormKC) : "";
        var rest = words.Length > 2 ? words[2].Trim() : "";
        return (first, rest);
    }
}
