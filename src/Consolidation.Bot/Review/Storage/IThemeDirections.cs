using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Review.Storage;

/// <summary>
/// The directions the secretariat recorded for the preceding themes (see <see cref="ThemeDirectionStore"/>, the bot's):
/// the seam that lets the command and the digest be tested without storage.
/// </summary>
public interface IThemeDirections
{
    /// <summary>Records (or replaces) the direction of one theme.</summary>
    Task SetAsync(string reviewId, ThemeDirection direction, CancellationToken cancellationToken);

    /// <summary>Every theme's direction recorded for the review.</summary>
    Task<IReadOnlyList<ThemeDirection>> ListAsync(string reviewId, CancellationToken cancellationToken);
}
