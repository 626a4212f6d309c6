using Consolidation.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Cli;

/// <summary>
/// The command-line verbs (<c>dotnet run --project src/Consolidation.Bot -- VERB ...</c>). They use the same
/// configuration and services as the bot (so the same store), without starting the web server.
/// </summary>
public static class CliApplication
{
    public static readonly IReadOnlySet<string> Verbs = new HashSet<string>(StringComparer.Ordinal) { "import", "export", "demo", "open-stage", "package-manifest", "sync-members", "help", "--help" };

    public const string Usage = """
        Usage: Consolidation.Bot VERB [options]
          import --tasks FILE [--members FILE] [--review ID] [--name NAME] [--lang en]
                 Import tasks (and members) from .csv (UTF-8, UTF-8 BOM, Shift_JIS) or .xlsx. Every error is listed
                 with its row and column and nothing is imported; a clean file is published atomically.
          export --out FILE.xlsx [--review ID]
                 Tasks, the funnel per subcommittee and the response history, with Japanese headers.
          demo [--play-seed-funnel] [--if-empty]
                 Load the demo review (812 tasks, the Playground's users); --play-seed-funnel also answers the stages
                 so the funnel is the seed's 812 / 342 / 276 / 6 / 233 / 37; --if-empty does nothing when a review exists.
          open-stage --stage prewg|wg|suitability --subcommittee 福祉[,こども...]|all --deadline 2026-12-20 [--card batch|detailed] [--tenant ID] [--by EMAIL]
                 Open a stage with a deadline (end of that day in Review:TimeZone); the questionnaires are queued in the
                 outbox and sent one at a time per member by the running bot.
          sync-members [--review ID]
                 Merge the members of each subcommittee's Entra group (Review:Subcommittees:<name>:GroupId) into the
                 review's members through Microsoft Graph (Graph:* settings needed).
          package-manifest --app-id GUID --out app.zip [--teams-app-id GUID] [--version 1.0.0]
                 Write the Teams app package (manifest.json, en-us.json, color.png, outline.png at the zip's root) with
                 the bot's Entra app id filled in (also the Teams app id unless --teams-app-id is given).
        Configuration as for the bot (appsettings.json, appsettings.Local.json, environment: Storage__ConnectionString, ...).
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    /// <summary>Runs a verb. Tests pass <paramref name="settings"/> (highest precedence) and capture <paramref name="output"/>.</summary>
    public static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? settings = null, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        if (args[0] is "help" or "--help")
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }

        if (args[0] == "package-manifest")
        {
            // Needs no storage or configuration: it only fills in ids and zips the embedded files.
            try
            {
                return await PackageManifestCommand.RunAsync(CliArguments.Parse(args), output);
            }
            catch (CliUsageException ex)
            {
                await error.WriteLineAsync("error: " + ex.Message);
                await error.WriteLineAsync(Usage);
                return 64;
            }
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddLocalSettings(builder.Environment.ContentRootPath);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddConsolidationBot();
        builder.Services.AddSingleton(output);
        builder.Services.AddTransient<ImportCommand>();
        builder.Services.AddTransient<ExportCommand>();
        builder.Services.AddTransient<DemoCommand>();
        builder.Services.AddTransient<OpenStageCommand>();
        builder.Services.AddTransient<SyncMembersCommand>();
        using var host = builder.Build();
        var services = host.Services;
        _ = services.GetRequiredService<IOptions<Storage.StorageOptions>>().Value;
        _ = services.GetRequiredService<IOptions<ReviewOptions>>().Value;

        try
        {
            var parsed = CliArguments.Parse(args);
            using var cts = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
            return parsed.Verb switch
            {
                "import" => await services.GetRequiredService<ImportCommand>().RunAsync(parsed, cts.Token),
                "export" => await services.GetRequiredService<ExportCommand>().RunAsync(parsed, cts.Token),
                "demo" => await services.GetRequiredService<DemoCommand>().RunAsync(parsed, cts.Token),
                "open-stage" => await services.GetRequiredService<OpenStageCommand>().RunAsync(parsed, cts.Token),
                "sync-members" => await services.GetRequiredService<SyncMembersCommand>().RunAsync(parsed, cts.Token),
                _ => throw new CliUsageException($"unknown verb '{parsed.Verb}'"),
            };
        }
        catch (CliUsageException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message);
            await error.WriteLineAsync(Usage);
            return 64;
        }
    }
}
