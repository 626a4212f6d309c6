using Consolidation.Bot.Export;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.Cli;

/// <summary><c>export --out FILE.xlsx [--review ID]</c>: tasks, the funnel per subcommittee and the history, Japanese headers.</summary>
public sealed class ExportCommand(ReviewCatalog catalog, ReviewExporter exporter, TextWriter output)
{
    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var unknown = args.Unknown("out", "review").ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException("unknown option --" + unknown[0]);
        }

        var path = args.Require("out");
        var reviewId = args.Get("review") ?? await catalog.GetActiveReviewIdAsync(cancellationToken)
            ?? throw new CliUsageException("no review has been imported yet");
        (int Tasks, int History)? written;
        await using (var file = File.Create(path))
        {
            written = await exporter.WriteAsync(reviewId, file, cancellationToken);
        }

        if (written is not { } counts)
        {
            File.Delete(path);
            throw new CliUsageException($"review '{reviewId}' does not exist");
        }

        await output.WriteLineAsync($"書き出しました: {path}（事務 {counts.Tasks}件、履歴 {counts.History}件）");
        return 0;
    }
}
