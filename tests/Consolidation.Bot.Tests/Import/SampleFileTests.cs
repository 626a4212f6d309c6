using Consolidation.Bot.Domain;
using Consolidation.Bot.Import;

namespace Consolidation.Bot.Tests.Import;

public class SampleFileTests
{
    [Fact]
    public void Read_RepositorySamples_AreValidAndConsistent()
    {
        var samples = Path.Combine(RepositoryRoot(), "samples");
        using var tasks = File.OpenRead(Path.Combine(samples, "tasks.sample.csv"));
        using var members = File.OpenRead(Path.Combine(samples, "members.sample.csv"));

        var result = ReviewFileImporter.Read(tasks, "tasks.sample.csv", members, "members.sample.csv", new HashSet<string>(), ImportFiles.Japanese);

        Assert.Empty(result.Errors);
        Assert.Equal(10, result.Tasks.Count);
        Assert.Equal(Subcommittees.All.ToHashSet(), result.Tasks.Select(t => t.Subcommittee).ToHashSet());
        Assert.Equal(Enum.GetValues<PrecedingTheme>().ToHashSet(), result.Tasks.Where(t => t.Theme is not null).Select(t => t.Theme!.Value).ToHashSet());
        Assert.Equal(3, result.Tasks.Count(t => t.Theme is not null));
        Assert.Contains(result.Members, m => m.Role == MemberRole.Secretariat);
        Assert.Equal(12400, result.Tasks[0].AnnualCases);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "samples")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("samples/ not found above the test output folder");
    }
}
