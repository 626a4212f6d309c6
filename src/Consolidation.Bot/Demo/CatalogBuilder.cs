using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Demo;

/// <summary>
/// Builds a subcommittee's catalogue: <see cref="In"/> sets the bureau, standardized business and typical annual
/// cases that the following names share; <see cref="Of"/> composes 対象 × 手続き names; <see cref="Add"/> takes
/// whole names. Local to one call.
/// </summary>
internal sealed class CatalogBuilder(Subcommittee subcommittee)
{
    private readonly List<CatalogEntry> _entries = [];
    private string _bureau = "市民局";
    private string? _standard;
    private int _cases = 1_000;

    public CatalogBuilder In(string bureau, string? standardBusiness, int typicalCases)
    {
        _bureau = bureau;
        _standard = standardBusiness;
        _cases = typicalCases;
        return this;
    }

    /// <summary>Adds "{subject}の{procedure}" for every procedure.</summary>
    public CatalogBuilder Of(string subject, params string[] procedures)
    {
        foreach (var procedure in procedures)
        {
            Add($"{subject}の{procedure}");
        }

        return this;
    }

    public CatalogBuilder Add(params string[] names)
    {
        foreach (var name in names)
        {
            _entries.Add(new CatalogEntry(name, _bureau, subcommittee, _standard, _cases, null));
        }

        return this;
    }

    /// <summary>Adds a task of a preceding theme (always part of the inventory).</summary>
    public CatalogBuilder Theme(PrecedingTheme theme, string name)
    {
        _entries.Add(new CatalogEntry(name, _bureau, subcommittee, _standard, _cases, theme));
        return this;
    }

    public IReadOnlyList<CatalogEntry> Build() => _entries.ToList();
}
