using Consolidation.Bot.Export;
using Consolidation.Bot.Hosting;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Cli;

/// <summary><c>export --out FILE.xlsx [--review ID]</c>: tasks, the funnel per subcommittee and the history, Japanese headers.</summary>
public sealed class ExportCommand(ReviewCatalog catalog, ReviewRepository repository, IOptions<ReviewOptions> options, TextWriter output)
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
        var snapshot = await repository.LoadAsync(reviewId, cancellationToken)
            ?? throw new CliUsageException($"review '{reviewId}' does not exist");
        var history = await repository.GetHistoryAsync(reviewId, null, cancellationToken);

        var model = new ReviewExportModel
        {
            Tasks = snapshot.Tasks,
            MemberNames = snapshot.Members.ToDictionary(m => m.Email, m => m.Name, StringComparer.Ordinal),
            Windows = snapshot.Windows,
            History = history.OrderBy(h => h.At).ThenBy(h => h.TaskId, StringComparer.Ordinal).Select(HistoryRows.From).ToList(),
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone),
        };
        await using (var file = File.Create(path))
        {
            ReviewWorkbookWriter.Write(file, model);
        }

        await output.WriteLineAsync($"書き出しました: {path}（事務 {snapshot.Tasks.Count}件、履歴 {history.Count}件）");
        return 0;
    }
}
