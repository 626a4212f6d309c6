using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Demo;

/// <summary>The demo review: its people and its inventory of 812 tasks (区役所実施事務調査).</summary>
public sealed record DemoReviewData
{
    public required IReadOnlyList<Member> Members { get; init; }
    public required IReadOnlyList<TaskDefinition> Tasks { get; init; }
}

/// <summary>
/// Builds the demo review from the catalogue (pure and deterministic for a seed): per subcommittee, the preceding-theme
/// tasks plus a seeded draw of the rest, numbered J-0001… in subcommittee and catalogue order, with volumes and assignees.
/// </summary>
public static class DemoReview
{
    public const int DefaultSeed = 2026;

    /// <summary>Tasks per subcommittee; they add up to the seed's 812.</summary>
    public static IReadOnlyDictionary<Subcommittee, int> TaskCounts { get; } = new Dictionary<Subcommittee, int>
    {
        [Subcommittee.PersonnelFinance] = 97,
        [Subcommittee.LivingSafety] = 205,
        [Subcommittee.TownDevelopment] = 112,
        [Subcommittee.WelfareHealth] = 248,
        [Subcommittee.ChildrenEducation] = 150,
    };

    /// <summary>The share of a subcommittee's tasks its lead answers; the ward heads split the rest in equal blocks.</summary>
    private const double LeadShare = 0.45;

    public static DemoReviewData Create(int seed = DefaultSeed)
    {
        var tasks = new List<TaskDefinition>();
        foreach (var subcommittee in Subcommittees.All)
        {
            var entries = Select(DemoCatalog.For(subcommittee), TaskCounts[subcommittee], DemoRandom.For(seed, $"select:{subcommittee}"));
            var assignees = Assign(entries.Count, DemoMembers.AssigneesOf(subcommittee));
            var volumes = DemoRandom.For(seed, $"volume:{subcommittee}");
            for (var i = 0; i < entries.Count; i++)
            {
                tasks.Add(Define(entries[i], $"J-{tasks.Count + 1:D4}", assignees[i], volumes));
            }
        }

        return new DemoReviewData { Members = DemoMembers.All, Tasks = GiveSecretariatTasks(tasks, seed) };
    }

    /// <summary>Every preceding-theme task, plus a seeded draw of the others, in catalogue order.</summary>
    private static List<CatalogEntry> Select(IReadOnlyList<CatalogEntry> catalog, int count, DemoRandom random)
    {
        var themed = catalog.Where(e => e.Theme is not null).ToList();
        var drawn = random.Shuffle(catalog.Where(e => e.Theme is null)).Take(count - themed.Count);
        var chosen = new HashSet<CatalogEntry>(themed.Concat(drawn));
        if (chosen.Count != count)
        {
            throw new InvalidOperationException($"The catalogue of {catalog[0].Subcommittee} has too few tasks for {count}.");
        }

        return catalog.Where(chosen.Contains).ToList();
    }

    /// <summary>Contiguous blocks (ward heads split a subcommittee's list): the lead first, then the ward heads.</summary>
    private static string[] Assign(int count, IReadOnlyList<Member> assignees)
    {
        var leadCount = assignees.Count == 1 ? count : (int)Math.Round(count * LeadShare);
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            var index = i < leadCount ? 0 : 1 + ((i - leadCount) * (assignees.Count - 1) / Math.Max(1, count - leadCount));
            result[i] = assignees[index].Email;
        }

        return result;
    }

    private static TaskDefinition Define(CatalogEntry entry, string id, string assignee, DemoRandom random)
    {
        var (cases, hours) = DemoVolumes.Draw(entry, random);
        return new TaskDefinition
        {
            Id = id,
            Name = entry.Name,
            Bureau = entry.Bureau,
            Subcommittee = entry.Subcommittee,
            Assignee = assignee,
            Theme = entry.Theme,
            StandardBusiness = entry.StandardBusiness,
            AnnualCases = cases,
            StaffHours = hours,
        };
    }

    /// <summary>The secretariat answers a few 福祉・健康 tasks herself, drawn from the whole subcommittee.</summary>
    private static List<TaskDefinition> GiveSecretariatTasks(List<TaskDefinition> tasks, int seed)
    {
        var picked = DemoRandom.For(seed, "secretariat")
            .Shuffle(tasks.Where(t => t.Subcommittee == Subcommittee.WelfareHealth && t.Theme is null).Select(t => t.Id))
            .Take(DemoMembers.SecretariatTaskCount)
            .ToHashSet(StringComparer.Ordinal);
        return tasks.Select(t => picked.Contains(t.Id) ? t with { Assignee = PlaygroundUsers.SecretariatEmail } : t).ToList();
    }
}
