using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Review;

/// <summary>
/// The secretariat opening and closing stages (see <see cref="StageAdministration"/>, the bot's): the seam that lets the
/// chat commands and the tab's stage forms be tested without storage.
/// </summary>
public interface IStageAdministration
{
    /// <summary>Opens <paramref name="stage"/> for the subcommittees with a deadline and queues each assignee's first card.</summary>
    Task<StageOpening> OpenAsync(string reviewId, Member actor, Stage stage, IReadOnlyList<Subcommittee> subcommittees, DateTimeOffset deadline,
        PreWgCardMode? mode, string? tenantId, CancellationToken cancellationToken);

    /// <summary>Closes the stage for the subcommittees where it is open; returns those it closed.</summary>
    Task<IReadOnlyList<Subcommittee>> CloseAsync(string reviewId, Member actor, Stage stage, IReadOnlyList<Subcommittee> subcommittees, CancellationToken cancellationToken);
}
