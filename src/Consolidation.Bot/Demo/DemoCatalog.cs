using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Demo;

/// <summary>One task the demo inventory may contain: its name, bureau, related standardized business and typical volume.</summary>
internal sealed record CatalogEntry(
    string Name,
    string Bureau,
    Subcommittee Subcommittee,
    string? StandardBusiness,
    int TypicalCases,
    PrecedingTheme? Theme);

/// <summary>The catalogue of realistic ward-office tasks, per subcommittee (see the partial files).</summary>
internal static partial class DemoCatalog
{
    public static IReadOnlyList<CatalogEntry> For(Subcommittee subcommittee) => subcommittee switch
    {
        Subcommittee.PersonnelFinance => PersonnelFinance(),
        Subcommittee.LivingSafety => LivingSafety(),
        Subcommittee.TownDevelopment => TownDevelopment(),
        Subcommittee.WelfareHealth => WelfareHealth(),
        Subcommittee.ChildrenEducation => ChildrenEducation(),
        _ => throw new ArgumentOutOfRangeException(nameof(subcommittee)),
    };
}
