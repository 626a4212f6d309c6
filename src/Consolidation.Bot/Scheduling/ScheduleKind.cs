namespace Consolidation.Bot.Scheduling;

/// <summary>The two scheduled runs.</summary>
public enum ScheduleKind
{
    /// <summary>The progress digest to the council channel.</summary>
    Digest,

    /// <summary>Deadline reminders to members and, after a deadline, the late list to the subcommittee's lead.</summary>
    Reminders,
}
