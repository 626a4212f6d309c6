using System.ComponentModel.DataAnnotations;

namespace Consolidation.Bot.Hosting;

/// <summary>The <c>Review</c> configuration section.</summary>
public sealed class ReviewOptions : IValidatableObject
{
    public const string SectionName = "Review";

    /// <summary>IANA time zone the review runs in: deadlines, schedules and dates typed by users.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Tokyo";

    /// <summary>
    /// When set (<c>ja-JP</c> or <c>en-US</c>), every message uses this locale instead of the activity's.
    /// The Playground always says <c>en-US</c>; the run script sets <c>ja-JP</c> so the demo is Japanese.
    /// </summary>
    public string? Locale { get; set; }

    /// <summary>
    /// The review's zone. An unknown <see cref="TimeZone"/> fails options validation at start-up; until then (services
    /// built before the validation runs) this is UTC, so that building a service never throws in its place.
    /// </summary>
    public TimeZoneInfo Zone => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Review:TimeZone '{TimeZone}' is not a known time zone.", [nameof(TimeZone)]);
        }

        if (!string.IsNullOrEmpty(Locale) && !Localization.BotCultures.IsSupported(Locale))
        {
            yield return new ValidationResult($"Review:Locale '{Locale}' is not supported (use ja-JP or en-US).", [nameof(Locale)]);
        }
    }
}
