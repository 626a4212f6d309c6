using System.Text.Json.Nodes;

namespace Consolidation.Bot.Protocol.Tests.TestData;

/// <summary>Loads the copied activity fixtures (see TestData/Fixtures/README.md).</summary>
internal static class Fixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "TestData", "Fixtures");

    /// <summary>Relative names such as <c>playground/default-personal-message.json</c>.</summary>
    public static IEnumerable<string> Names() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Directory, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>The activity JSON text of a fixture: the <c>body</c> of a Playground capture, or the whole file.</summary>
    public static string ActivityJson(string name)
    {
        var text = File.ReadAllText(Path.Combine(Directory, name));
        if (!name.StartsWith("playground/", StringComparison.Ordinal))
        {
            return text;
        }

        var body = JsonNode.Parse(text)!["body"] ?? throw new InvalidOperationException($"{name} has no body");
        return body.ToJsonString();
    }
}
