using Consolidation.Bot.Hosting;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Export;

/// <summary>
/// The review as a workbook (tasks, the funnel per subcommittee, the tasks' history with the review's audit trail), the
/// same for the command line's
/// <c>export</c> and the tab's download.
/// </summary>
public sealed class ReviewExporter(ReviewRepository repository, AuditLog audit, IOptions<ReviewOptions> options)
{
    /// <summary>Writes the review's workbook to <paramref name="destination"/>; null when the review does not exist.</summary>
    public async Task<(int Tasks, int History)?> WriteAsync(string reviewId, Stream destination, CancellationToken cancellationToken)
    {
        var snapshot = await repository.LoadAsync(reviewId, cancellationToken);
        if (snapshot is null)
        {
            return null;
        }

        var history = await repository.GetHistoryAsync(reviewId, null, cancellationToken);
        var trail = await audit.ListAsync(reviewId, cancellationToken);
        var model = new ReviewExportModel
        {
            Tasks = snapshot.Tasks,
            MemberNames = snapshot.Members.ToDictionary(m => m.Email, m => m.Name, StringComparer.Ordinal),
            Windows = snapshot.Windows,
            History = [.. history.Select(HistoryRows.From).Concat(trail.Select(HistoryRows.From)).OrderBy(h => h.At).ThenBy(h => h.TaskId, StringComparer.Ordinal)],
            TimeZone = options.Value.Zone,
        };
        ReviewWorkbookWriter.Write(destination, model);
        return (snapshot.Tasks.Count, history.Count);
    }
}
