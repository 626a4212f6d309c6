using System.Text;
using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Import;

/// <summary>
/// Parses a cell that names one or more subcommittees separated by <c>;</c> <c>、</c> <c>/</c> or <c>,</c>
/// (full-width forms too). A part is first tried whole, so English names that contain a comma
/// ("Living, Safety &amp; Disaster Prevention") still read as one subcommittee.
/// </summary>
public static class SubcommitteeListParser
{
    private static readonly char[] Separators = [';', '、', '/', '､'];

    /// <summary>The subcommittees named, in order and without repeats, and the parts that name none.</summary>
    public static (IReadOnlyList<Subcommittee> Subcommittees, IReadOnlyList<string> Unknown) Parse(string text)
    {
        var found = new List<Subcommittee>();
        var unknown = new List<string>();
        var parts = text.Normalize(NormalizationForm.FormKC).Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var part in parts)
        {
            if (Subcommittees.Parse(part) is { } whole)
            {
                found.Add(whole);
                continue;
            }

            foreach (var piece in part.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Subcommittees.Parse(piece) is { } s)
                {
                    found.Add(s);
                }
                else
                {
                    unknown.Add(piece);
                }
            }
        }

        return (found.Distinct().ToList(), unknown);
    }
}
