using Consolidation.Bot.Domain;
using Consolidation.Bot.Protocol.Schema;

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
