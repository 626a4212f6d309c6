using Consolidation.Bot.Demo;
using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Tests.Demo;

/// <summary>The constants in <see cref="PlaygroundUsers"/> must stay in step with the Playground's mock tenant file.</summary>
public sealed class PlaygroundUsersTests
{
    [Fact]
    public void PlaygroundMembers_ComparedWithTheTenantFile_SameNamesEmailsAndEntraIds()
    {
        var yml = File.ReadAllText(FindTenantFile());
        var playground = DemoMembers.All.Where(m => m.AadObjectId is not null).ToList();

        Assert.Equal(6, playground.Count);
        foreach (var member in playground.Where(m => !m.IsSecretariat))
        {
            var line = Assert.Single(yml.Split('\n'), l => l.Contains($"aadObjectId: {member.AadObjectId}", StringComparison.Ordinal));
            Assert.Contains($"email: {member.Email}", line, StringComparison.Ordinal);
            Assert.Contains($"name: {member.Name},", line, StringComparison.Ordinal);
        }

        var current = yml[yml.IndexOf("currentUser:", StringComparison.Ordinal)..yml.IndexOf("users:", StringComparison.Ordinal)];
        Assert.Contains($"aadObjectId: {PlaygroundUsers.SecretariatAadObjectId}", current, StringComparison.Ordinal);
        Assert.Contains($"email: {PlaygroundUsers.SecretariatEmail}", current, StringComparison.Ordinal);
        Assert.Contains("name: 山田 花子", current, StringComparison.Ordinal);
    }

    [Fact]
    public void Secretariat_FromPlaygroundConstants_IsTheCurrentUserAndSecretariat()
    {
        var secretariat = Assert.Single(DemoMembers.All, m => m.Email == PlaygroundUsers.SecretariatEmail);

        Assert.Equal(MemberRole.Secretariat, secretariat.Role);
        Assert.Equal("hanako.yamada@city.example.jp", PlaygroundUsers.SecretariatEmail);
        Assert.Equal("9a1e0000-0000-4000-8000-000000000001", PlaygroundUsers.SecretariatAadObjectId);
    }

    private static string FindTenantFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tools", "playground", ".m365agentsplayground.yml");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("tools/playground/.m365agentsplayground.yml not found above the test output directory.");
    }
}
