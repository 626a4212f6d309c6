using Consolidation.Bot.Storage;

namespace Consolidation.Bot.Review.Storage;

/// <summary>
/// Published generations read once per process (instance state of the singleton repository, not static). Holds the eight
/// used last; an older one is read again if ever asked for.
/// </summary>
internal sealed class ReviewDefinitionCache
{
    private readonly BoundedCache<(string ReviewId, int Generation, string ContentHash), Lazy<Task<ReviewDefinitions>>> _entries = new(8);

    /// <summary>
    /// Keyed by review, generation and content hash: a review deleted and imported again under the same id starts at
    /// generation 1 again, with other content.
    /// </summary>
    public async Task<ReviewDefinitions> GetAsync(string reviewId, ReviewRowEntity review, Func<Task<ReviewDefinitions>> load)
    {
        var key = (reviewId, review.Generation, review.ContentHash);
        var entry = _entries.GetOrAdd(key, _ => new Lazy<Task<ReviewDefinitions>>(load));
        try
        {
            return await entry.Value;
        }
        catch
        {
            _entries.Remove(key, entry);
            throw;
        }
    }
}
