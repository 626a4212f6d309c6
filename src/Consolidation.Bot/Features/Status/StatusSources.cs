using Consolidation.Bot.Conversations;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Scheduling;

namespace Consolidation.Bot.Features.Status;

/// <summary>
/// What answering a status question reads besides the review, and where an asker-only answer goes: one small seam, so
/// the handler can be tested with the review held in memory. The bot's is <see cref="StatusSources"/>.
/// </summary>
public interface IStatusSources
{
    /// <summary>The history of one task, oldest first.</summary>
    Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string reviewId, string taskId, CancellationToken cancellationToken);

    /// <summary>When the last digest was posted; null before the first.</summary>
    Task<DateTimeOffset?> GetLastDigestAtAsync(CancellationToken cancellationToken);

    /// <summary>Sends to the asker's 1:1 chat (an answer for the asker only, asked in a channel).</summary>
    Task SendToUserAsync(string tenantId, string aadObjectId, Activity activity, CancellationToken cancellationToken);
}

/// <inheritdoc />
public sealed class StatusSources(ReviewRepository repository, ScheduleStore schedules, ProactiveMessenger messenger) : IStatusSources
{
    public Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string reviewId, string taskId, CancellationToken cancellationToken) =>
        repository.GetHistoryAsync(reviewId, taskId, cancellationToken);

    public Task<DateTimeOffset?> GetLastDigestAtAsync(CancellationToken cancellationToken) => schedules.GetLastDigestAtAsync(cancellationToken);

    public Task SendToUserAsync(string tenantId, string aadObjectId, Activity activity, CancellationToken cancellationToken) =>
        messenger.SendToUserAsync(tenantId, aadObjectId, activity, cancellationToken);
}
