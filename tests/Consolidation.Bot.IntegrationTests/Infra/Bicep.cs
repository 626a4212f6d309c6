using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Consolidation.Bot.IntegrationTests.Infra;

/// <summary>The Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64), run offline on infra/.</summary>
internal static class Bicep
{
    public static string InfraDirectory => Path.Combine(RepoPaths.Root, "infra");

    public static string Executable =>
        typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "BicepPath")?.Value is { Length: > 0 } path
            ? path.Replace('\\', '/')
            : throw new InvalidOperationException("BicepPath was not set at build time (is Azure.Bicep.CommandLine.linux-x64 restored?)");

    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = InfraDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Offline: no version check, no telemetry, no registry look-ups.
        info.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("bicep did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The ARM JSON of a template: <c>bicep build FILE --stdout</c>.</summary>
    public static async Task<JsonObject> BuildAsync(string file)
    {
        var (exit, output, error) = await RunAsync("build", file, "--stdout");
        Assert.True(exit == 0, $"bicep build {file} failed:\n{error}");
        return JsonNode.Parse(output)!.AsObject();
    }

    /// <summary>Every resource of a compiled template, nested deployments (modules) included.</summary>
    public static IEnumerable<JsonObject> Resources(JsonObject template) => ResourcesIn(template).Select(r => r.Resource);

    /// <summary>Every resource with the template that declares it (whose <c>variables</c> its expressions use).</summary>
    public static IEnumerable<(JsonObject Resource, JsonObject Template)> ResourcesIn(JsonObject template)
    {
        foreach (var resource in ResourceList(template))
        {
            yield return (resource, template);
            if ((string?)resource["type"] == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject inner)
            {
                foreach (var nested in ResourcesIn(inner))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary><paramref name="expression"/> with each <c>variables('name')</c> replaced by the template's string value.</summary>
    public static string ExpandVariables(string expression, JsonObject template) =>
        System.Text.RegularExpressions.Regex.Replace(expression, @"variables\('([^']+)'\)",
            m => (string?)template["variables"]?[m.Groups[1].Value] ?? m.Value);

    /// <summary>Bicep emits resources as an array, or as an object keyed by symbolic name (language version 2.0).</summary>
    private static IEnumerable<JsonObject> ResourceList(JsonObject template) => template["resources"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject map => map.Select(p => p.Value).OfType<JsonObject>(),
        _ => [],
    };
}
