using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Status.Understanding;
using Consolidation.Bot.Text;

namespace Consolidation.Bot.Review;

/// <summary>
/// Finds the member a secretariat means by an email or a name (「佐藤」, 「佐藤 健一」, 「佐藤健一」) or its reading (「さとう」,
/// when the member file gives readings): an exact email first, else the members whose name or reading, spaces ignored,
/// equals or starts with the words. Several matches are returned as they are:
/// the caller asks which, never guesses.
/// </summary>
public static class MemberLookup
{
    public static IReadOnlyList<Member> Find(IEnumerable<Member> members, string? text)
    {
        ArgumentNullException.ThrowIfNull(members);
        var wanted = Compact(text);
        if (wanted.Length == 0)
        {
            return [];
        }

        var list = members.ToList();
        if (wanted.Contains('@', StringComparison.Ordinal))
        {
            return list.Where(m => m.Email == Member.NormalizeEmail(text!)).ToList();
        }

        // By name, else by its reading in kana (katakana and hiragana alike): 佐藤, 佐藤健一, さとう, サトウケンイチ.
        var folded = KanaFolding.Fold(wanted);
        var exact = list.Where(m => Compact(m.Name) == wanted || Reading(m) == folded).ToList();
        return exact.Count > 0 ? exact
            : list.Where(m => Compact(m.Name).StartsWith(wanted, StringComparison.Ordinal) || Reading(m) is { Length: > 0 } r && r.StartsWith(folded, StringComparison.Ordinal)).ToList();
    }

    /// <summary>
    /// The longest leading run of words that names exactly one member, and the words after it (a reason):
    /// 「佐藤 健一 育休のため」 → (佐藤 健一, 「育休のため」). Null member when no prefix names anyone; candidates when the
    /// longest prefix that names someone names several.
    /// </summary>
    public static (Member? Member, IReadOnlyList<Member> Candidates, string Remainder) FindLeading(IEnumerable<Member> members, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = members.ToList();
        var words = text.Split([' ', '　'], StringSplitOptions.RemoveEmptyEntries);
        for (var take = words.Length; take >= 1; take--)
        {
            var found = Find(list, string.Join(' ', words[..take]));
            if (found.Count > 0)
            {
                var rest = string.Join(' ', words[take..]);
                return found.Count == 1 ? (found[0], found, rest) : (null, found, rest);
            }
        }

        return (null, [], "");
    }

    private static string Compact(string? text) => TextNormalizer.Normalize(text).Replace(" ", "", StringComparison.Ordinal);

    private static string? Reading(Member member) => member.Reading is { } reading ? KanaFolding.Fold(Compact(reading)) : null;
}
