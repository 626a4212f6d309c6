using Cronos;

namespace Consolidation.Bot.Scheduling;

/// <summary>
/// The slots of each schedule, from the cron expressions in the review's time zone (pure; no clock of its own).
/// Reminder slots are the union of the reminder and overdue expressions.
/// </summary>
public sealed class ScheduleCalendar
{
    private readonly CronExpression _digest;
    private readonly CronExpression _reminder;
    private readonly CronExpression _overdue;

    public ScheduleCalendar(ScheduleOptions options, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(options);
        _digest = CronExpression.Parse(options.Digest);
        _reminder = CronExpression.Parse(options.Reminder);
        _overdue = CronExpression.Parse(options.Overdue);
        Zone = zone;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>The first slot strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset? Next(ScheduleKind kind, DateTimeOffset after) => kind switch
    {
        ScheduleKind.Digest => _digest.GetNextOccurrence(after, Zone),
        _ => Earliest(_reminder.GetNextOccurrence(after, Zone), _overdue.GetNextOccurrence(after, Zone)),
    };

    /// <summary>
    /// The latest slot in (<paramref name="lastCompleted"/>, <paramref name="now"/>]: what is due now. Several missed slots
    /// give one run, the latest (a bot that was down catches up once, not once per slot).
    /// </summary>
    public DateTimeOffset? Due(ScheduleKind kind, DateTimeOffset lastCompleted, DateTimeOffset now)
    {
        DateTimeOffset? due = null;
        for (var slot = Next(kind, lastCompleted); slot is { } s && s <= now; slot = Next(kind, s))
        {
            due = s;
        }

        return due;
    }

    /// <summary>Whether reminders for stages still before their deadline go out at this slot.</summary>
    public bool IsReminderSlot(DateTimeOffset slot) => _reminder.GetNextOccurrence(slot.AddTicks(-1), Zone) == slot;

    /// <summary>Whether late members and leads are told at this slot.</summary>
    public bool IsOverdueSlot(DateTimeOffset slot) => _overdue.GetNextOccurrence(slot.AddTicks(-1), Zone) == slot;

    /// <summary>The local calendar date of an instant in the review's time zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
