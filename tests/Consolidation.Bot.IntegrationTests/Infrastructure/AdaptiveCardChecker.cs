using System.Diagnostics;
using System.Text.Json.Nodes;
using Consolidation.Bot.Cards.Model;

namespace Consolidation.Bot.IntegrationTests.Infrastructure;

/// <summary>What the official Adaptive Cards JS library said about one card.</summary>
public sealed record CardCheckResult(string Name, int Bytes, IReadOnlyList<string> ParseEvents, IReadOnlyList<string> ValidationEvents)
{
    public IEnumerable<string> Problems => ParseEvents.Concat(ValidationEvents);
}

/// <summary>Runs tools/node/check-cards.js (npm <c>adaptivecards</c>: parse, then validateProperties()) over cards.</summary>
public static class AdaptiveCardChecker
{
    public static Task<IReadOnlyList<CardCheckResult>> CheckAsync(IEnumerable<(string Name, AdaptiveCard Card)> cards) =>
        CheckJsonAsync(cards.Select(c => (c.Name, JsonNode.Parse(CardJsonContext.ToJson(c.Card))!)));

    /// <summary>Cards as JSON, e.g. exactly as the Playground delivered them.</summary>
    public static async Task<IReadOnlyList<CardCheckResult>> CheckJsonAsync(IEnumerable<(string Name, JsonNode Card)> cards)
    {
        var input = new JsonObject
        {
            ["cards"] = new JsonArray(cards.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["card"] = c.Card.DeepClone(),
            }).ToArray()),
        };

        var info = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(RepoPaths.Root, "tools", "node"),
        };
        info.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tools", "node", "check-cards.js"));
        RepoPaths.NodeTool("adaptivecards/dist/adaptivecards.js");

        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(input.ToJsonString());
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("check-cards.js failed: " + error);
        }

        return JsonNode.Parse(output)!["results"]!.AsArray().Select(r => new CardCheckResult(
            (string)r!["name"]!,
            (int)r["bytes"]!,
            r["parseEvents"]!.AsArray().Select(e => (string)e!["message"]!).ToList(),
            r["validationEvents"]!.AsArray().Select(e => (string)e!["message"]!).ToList())).ToList();
    }
}
