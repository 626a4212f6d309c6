using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Review;

/// <summary>
/// The secretariat's revisit event (see <see cref="RevisitRounds"/>, the bot's): the seam that lets the chat command and
/// the tab's form be tested without storage.
/// </summary>
public interface IRevisitRounds
{
    /// <summary>Starts a new round at <paramref name="stage"/> for every continue-later task waiting for <paramref name="trigger"/>.</summary>
    Task<RevisitStart> StartAsync(string reviewId, Member actor, RevisitTrigger trigger, Stage stage, DateTimeOffset deadline, string? tenantId, CancellationToken cancellationToken);
}
