namespace Consolidation.Bot.Testing;

/// <summary>Locates the repository and the npm tools that scripts/test installs into tools/node.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string NodeModules => Path.Combine(Root, "tools", "node", "node_modules");

    public static string PlaygroundConfig => Path.Combine(Root, "tools", "playground", ".m365agentsplayground.yml");

    public static string Artifacts => Directory.CreateDirectory(Path.Combine(Root, "artifacts")).FullName;

    /// <summary>A script inside tools/node/node_modules; fails with the fix when the tools are not installed.</summary>
    public static string NodeTool(string relativePath)
    {
        var path = Path.Combine(NodeModules, relativePath);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: run ./scripts/test (it installs the npm tools into tools/node).");
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Consolidation.Bot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Consolidation.Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
