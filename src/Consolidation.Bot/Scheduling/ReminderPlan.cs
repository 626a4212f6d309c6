using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Scheduling;

/// <summary>One open task in a reminder or an escalation.</summary>
public sealed record ReminderItem(string TaskId, string TaskName, Stage Stage, Subcommittee Subcommittee, DateTimeOffset Deadline, bool Late, string AssigneeEmail);

/// <summary>What one member is reminded of at one slot: all their open tasks in the stages that qualify.</summary>
public sealed record MemberReminder(string Email, IReadOnlyList<ReminderItem> Items);

/// <summary>The late tasks of one subcommittee, for a lead of that subcommittee.</summary>
public sealed record Escalation(string LeadEmail, Subcommittee Subcommittee, IReadOnlyList<ReminderItem> Items);

/// <summary>
/// Who is reminded of what at a reminder slot (pure). For each open stage window with unanswered tasks: before the
/// deadline, its members are reminded when the slot is a reminder slot <c>n</c> local days before the deadline for an
/// <c>n</c> in the configured list (0 = the day itself); after the deadline, at every overdue slot, its late members are
/// reminded and the subcommittee's leads get the late list. A manual run ("remind now") reminds every member with open
/// tasks and escalates everything late. Members with nothing open get nothing.
/// </summary>
public static class ReminderPlan
{
    public static (IReadOnlyList<MemberReminder> Reminders, IReadOnlyList<Escalation> Escalations) For(
        DateTimeOffset slot, bool manual, IReadOnlyCollection<ReviewTask> tasks, IReadOnlyCollection<StageWindow> windows,
        IReadOnlyCollection<Member> members, ScheduleCalendar calendar, IReadOnlyList<int> daysBefore)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var today = calendar.LocalDate(slot);
        var reminderSlot = manual || calendar.IsReminderSlot(slot);
        var overdueSlot = manual || calendar.IsOverdueSlot(slot);
        var qualifying = windows.Where(w => w.IsOpen).Where(w =>
        {
            var late = w.Deadline < slot;
            var daysLeft = calendar.LocalDate(w.Deadline).DayNumber - today.DayNumber;
            return late ? overdueSlot : reminderSlot && (manual || daysBefore.Contains(daysLeft));
        }).ToList();

        var items = ReviewQueries.Unanswered(tasks, qualifying)
            .Select(x => new ReminderItem(x.Task.Id, x.Task.Definition.Name, x.Task.Stage, x.Task.Subcommittee, x.Window.Deadline,
                x.Window.Deadline < slot, x.Task.AssigneeFor(x.Task.Stage)))
            .ToList();

        var reminders = items
            .GroupBy(i => i.AssigneeEmail, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MemberReminder(g.Key, g.OrderBy(i => i.Deadline).ThenBy(i => i.TaskId, StringComparer.Ordinal).ToList()))
            .ToList();

        var escalations = items.Where(i => i.Late)
            .GroupBy(i => i.Subcommittee)
            .OrderBy(g => g.Key)
            .SelectMany(g => members
                .Where(m => m.HasRole(MemberRole.Lead) && m.Subcommittees.Contains(g.Key))
                .OrderBy(m => m.Email, StringComparer.Ordinal)
                .Select(lead => new Escalation(lead.Email, g.Key, g.OrderBy(i => i.Deadline).ThenBy(i => i.TaskId, StringComparer.Ordinal).ToList())))
            .ToList();
        return (reminders, escalations);
    }
}
