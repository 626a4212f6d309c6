namespace Consolidation.Bot.Review.Storage;

/// <summary>How current a read of the whole review must be (<see cref="ReviewRepository.LoadAsync"/>).</summary>
public enum ReadConsistency
{
    /// <summary>
    /// Brought up to date with storage now (one query for the state rows changed since the last read, and the stage
    /// windows): for whatever acts on what it reads (digests, reminders, the sweep, export, imports).
    /// </summary>
    Fresh,

    /// <summary>
    /// What this instance holds under the current epoch, with its own changes, without waiting for storage: refreshed in
    /// the background when read <see cref="ReviewStateCache.RecentAge"/> ago or more. For answering status questions and
    /// drawing the dashboard, which say "as of" and come many a minute. Another instance's answers show up within that age
    /// (2 s, doubling up to 8 s while catch-ups find nothing new: see <see cref="ReviewStateCache.QuietMaxAge"/>) plus one
    /// background read; stage openings, closings, imports and overrides move the epoch and are read before answering.
    /// </summary>
    Recent,
}
