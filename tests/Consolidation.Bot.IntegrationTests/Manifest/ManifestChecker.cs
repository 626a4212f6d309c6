using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Consolidation.Bot.IntegrationTests.Manifest;

/// <summary>Runs tools/node/check-manifest.js (the official schemas of npm <c>@microsoft/app-manifest</c>) on a manifest folder.</summary>
public static class ManifestChecker
{
    public static async Task<IReadOnlyList<string>> CheckAsync(string folder)
    {
        RepoPaths.NodeTool("@microsoft/app-manifest/package.json");
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(RepoPaths.Root, "tools", "node"),
        };
        info.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tools", "node", "check-manifest.js"));
        info.ArgumentList.Add(folder);
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("check-manifest.js failed: " + error);
        }

        return JsonNode.Parse(output)!["errors"]!.AsArray().Select(e => (string)e!).ToList();
    }
}
