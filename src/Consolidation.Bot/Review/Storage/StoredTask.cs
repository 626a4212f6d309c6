using Azure;
using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Review.Storage;

/// <summary>A task as read from storage, with the ETag of its state row (null when the task never changed: inventory).</summary>
public sealed record StoredTask(ReviewTask Task, ETag? StateETag);

/// <summary>How a commit of a task change ended.</summary>
public enum CommitOutcome
{
    Committed,

    /// <summary>The state changed since it was read (ETag or history version conflict): re-read and decide again.</summary>
    Conflict,
}
