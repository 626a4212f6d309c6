using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Consolidation.Bot.Tab;

namespace Consolidation.Bot.Cli;

/// <summary>
/// <c>package-manifest --app-id GUID --out app.zip [--host HOST] [--sso-app-id GUID] [--teams-app-id GUID] [--version 1.0.0]</c>: the Teams
/// app package to upload to a tenant. The manifest files are embedded in the bot (from <c>manifest/</c>); the ids and the
/// tabs' host (default: the development host <see cref="TabOptions.DevelopmentHost"/>) are filled in and the four files
/// written at the root of the zip, as Teams requires.
/// </summary>
public static partial class PackageManifestCommand
{
    public static readonly IReadOnlyList<string> Files = ["manifest.json", "en-us.json", "color.png", "outline.png"];

    public static async Task<int> RunAsync(CliArguments args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var unknown = args.Unknown("app-id", "out", "host", "sso-app-id", "teams-app-id", "version").ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException("unknown option --" + unknown[0]);
        }

        var appId = Guid(args.Require("app-id"), "--app-id");
        var teamsAppId = args.Get("teams-app-id") is { } t ? Guid(t, "--teams-app-id") : appId;
        // The tab's SSO app (Tab:ClientId) when the bot runs as a managed identity, which cannot expose an API.
        var ssoAppId = args.Get("sso-app-id") is { } sso ? Guid(sso, "--sso-app-id") : appId;
        var host = args.Get("host") ?? TabOptions.DevelopmentHost;
        if (!Host().IsMatch(host))
        {
            throw new CliUsageException($"--host '{host}' is not a host name like bot.city.example.jp (no scheme, no path): the tabs are served from https://HOST/tab");
        }

        var version = args.Get("version") ?? "1.0.0";
        if (!SemVer().IsMatch(version))
        {
            throw new CliUsageException($"--version '{version}' is not a version like 1.0.0");
        }

        var outPath = Path.GetFullPath(args.Require("out"));
        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        await using (var zip = new ZipArchive(File.Create(outPath), ZipArchiveMode.Create))
        {
            foreach (var name in Files)
            {
                var bytes = Read(name);
                if (name == "manifest.json")
                {
                    var text = Encoding.UTF8.GetString(bytes)
                        .Replace("{{TEAMS_APP_ID}}", teamsAppId, StringComparison.Ordinal)
                        .Replace("{{BOT_APP_ID}}", appId, StringComparison.Ordinal)
                        .Replace("{{TAB_HOST}}", host, StringComparison.Ordinal)
                        .Replace("{{SSO_APP_ID}}", ssoAppId, StringComparison.Ordinal);
                    text = Version().Replace(text, $"\"version\": \"{version}\"", 1);
                    bytes = new UTF8Encoding(false).GetBytes(text);
                }

                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                await using var stream = await entry.OpenAsync();
                await stream.WriteAsync(bytes);
            }
        }

        await output.WriteLineAsync($"Teams app package written: {outPath} (app id {teamsAppId}, bot {appId}, tabs https://{host}/tab, version {version})");
        return 0;
    }

    private static string Guid(string value, string option) =>
        System.Guid.TryParseExact(value, "D", out var guid)
            ? guid.ToString("D")
            : throw new CliUsageException($"{option} '{value}' is not a GUID like 00000000-0000-0000-0000-000000000000 (the Entra app registration's Application (client) ID)");

    private static byte[] Read(string name)
    {
        using var stream = typeof(PackageManifestCommand).Assembly.GetManifestResourceStream("manifest/" + name)
            ?? throw new InvalidOperationException($"manifest/{name} is not embedded in the bot");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The same rule as <see cref="TabOptions.Host"/>: a host name and optional port.</summary>
    [GeneratedRegex(TabOptions.HostPattern)]
    private static partial Regex Host();

    [GeneratedRegex(@"^\d{1,3}\.\d{1,3}\.\d{1,3}$")]
    private static partial Regex SemVer();

    [GeneratedRegex(@"""version"":\s*""[^""]*""")]
    private static partial Regex Version();
}
