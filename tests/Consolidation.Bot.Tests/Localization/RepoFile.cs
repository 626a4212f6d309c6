namespace Consolidation.Bot.Tests.Localization;

/// <summary>Reads a file of the repository (resources, manifest) from the test's output directory upwards.</summary>
internal static class RepoFile
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Consolidation.Bot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Consolidation.Bot.sln not found above " + AppContext.BaseDirectory);
    });

    public static string PathOf(params string[] parts) => Path.Combine([Root.Value, .. parts]);
}
