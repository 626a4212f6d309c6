namespace Consolidation.Bot.Features.Questionnaire;

/// <summary>The one rule for a deadline typed as a date: the end of that local day (23:59:59) in the review's zone, as a UTC instant.</summary>
public static class Deadlines
{
    public static DateTimeOffset EndOf(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(new TimeOnly(23, 59, 59));
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
