using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Review;

/// <summary>
/// The secretariat's changes to one task (see <see cref="TaskAdministration"/>, the bot's): the seam that lets the chat
/// commands and the tab be tested without storage.
/// </summary>
public interface ITaskAdministration
{
    /// <summary>Hands a stage of the task to the member named at the start of <paramref name="assigneeAndReason"/>.</summary>
    Task<TaskAdministrationResult> ReassignAsync(string reviewId, Member actor, string taskId, string assigneeAndReason, Stage? stage, string? reason, string? tenantId, CancellationToken cancellationToken);

    /// <summary>Sends the task back to <paramref name="stage"/> (without it: the furthest stage it has an answer for), with a reason.</summary>
    Task<TaskAdministrationResult> ReopenAsync(string reviewId, Member actor, string taskId, Stage? stage, string? reason, string? tenantId, CancellationToken cancellationToken);

    /// <summary>Sets a stage's decision over the assignee's head, with a reason.</summary>
    Task<TaskAdministrationResult> OverrideAsync(string reviewId, Member actor, string taskId, OverrideRequest request, string? tenantId, CancellationToken cancellationToken);
}
