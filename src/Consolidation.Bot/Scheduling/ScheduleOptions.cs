using System.ComponentModel.DataAnnotations;
using Cronos;

namespace Consolidation.Bot.Scheduling;

/// <summary>
/// The <c>Schedules</c> section: when digests and reminders go out. Cron expressions (5 fields, Cronos syntax) are read in
/// the review's time zone (<c>Review:TimeZone</c>, Asia/Tokyo). Reminders run at every occurrence of <see cref="Reminder"/>
/// for the stages whose deadline is <see cref="ReminderDaysBefore"/> days away (0 = the day itself), and at every
/// occurrence of <see cref="Overdue"/> for the stages whose deadline has passed.
/// </summary>
public sealed class ScheduleOptions : IValidatableObject
{
    public const string SectionName = "Schedules";

    /// <summary>False: no scheduled runs (the chat commands still work).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The digest to the council channel. Default: every Monday at 09:00.</summary>
    [Required]
    public string Digest { get; set; } = "0 9 * * MON";

    /// <summary>When deadline reminders may go out. Default: every day at 09:00.</summary>
    [Required]
    public string Reminder { get; set; } = "0 9 * * *";

    /// <summary>Days before a deadline on which members with open tasks are reminded (0 = on the day).</summary>
    public IList<int> ReminderDaysBefore { get; } = [];

    /// <summary>After a deadline: members who are late are reminded and the subcommittee's lead gets the list. Default: weekdays at 09:00.</summary>
    [Required]
    public string Overdue { get; set; } = "0 9 * * MON-FRI";

    /// <summary>Language of the digest: <c>ja</c> (default) or <c>en</c>; empty follows <c>Review:Locale</c>.</summary>
    public string? DigestLocale { get; set; }

    /// <summary>The longest the scheduler sleeps before looking again (a safety net; it wakes at the next slot anyway).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A claimed run whose messages were not queued within this time is taken over by another instance.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The days-before list, with the documented default (3, 1 and 0) when none is configured.</summary>
    public IReadOnlyList<int> EffectiveReminderDaysBefore => ReminderDaysBefore.Count > 0 ? [.. ReminderDaysBefore] : [3, 1, 0];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(Digest), Digest), (nameof(Reminder), Reminder), (nameof(Overdue), Overdue) })
        {
            string? error = null;
            try
            {
                CronExpression.Parse(value);
            }
            catch (CronFormatException ex)
            {
                error = ex.Message;
            }

            if (error is not null)
            {
                yield return new ValidationResult($"Schedules:{name} '{value}' is not a cron expression: {error}", [name]);
            }
        }

        if (ReminderDaysBefore.Any(d => d is < 0 or > 60))
        {
            yield return new ValidationResult("Schedules:ReminderDaysBefore must be between 0 and 60.", [nameof(ReminderDaysBefore)]);
        }
    }
}
