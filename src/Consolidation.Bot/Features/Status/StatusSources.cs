using Consolidation.Bot.Conversations;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Scheduling;

namespace Consolidation.Bot.Features.Status;

/// <inheritdoc />
public sealed class StatusSources(ReviewRepository repository, ScheduleStore schedules, ProactiveMessenger messenger) : IStatusSources
{
    public Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string reviewId, string taskId, CancellationToken cancellationToken) =>
        repository.GetHistoryAsync(reviewId, taskId, cancellationToken);

    public Task<DateTimeOffset?> GetLastDigestAtAsync(CancellationToken cancellationToken) => schedules.GetLastDigestAtAsync(cancellationToken);

    public Task SendToUserAsync(string tenantId, string aadObjectId, Activity activity, CancellationToken cancellationToken) =>
        messenger.SendToUserAsync(tenantId, aadObjectId, activity, cancellationToken);
}
