using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Scheduling;

/// <summary>
/// The secretariat's "now" for a scheduled kind of run (see <see cref="ScheduledRunTrigger"/>, the bot's): the seam that
/// lets the chat commands be tested without storage.
/// </summary>
public interface IScheduledRunTrigger
{
    /// <summary>A manual run of <paramref name="kind"/> keyed to this second, its outcome reported to <paramref name="by"/>; false when another instance has it.</summary>
    Task<bool> TriggerNowAsync(ScheduleKind kind, string? tenantId, Member by, CancellationToken cancellationToken);
}
