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
    /// Per subcommittee (any of its names as the key: <c>Review:Subcommittees:福祉・健康部会:GroupId</c> or
    /// <c>...:WelfareHealth:GroupId</c>), the Entra group whose members belong to it (read with <c>sync-members</c>).
    /// </summary>
    public Dictionary<string, SubcommitteeSettings> Subcommittees { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The card プレWG sends when the secretariat opens it without saying (<c>batch</c> or <c>detailed</c>; the open command
    /// and the tab's form may choose per opening): the batch card lists about ten tasks to keep or exclude at once.
    /// </summary>
    public Domain.PreWgCardMode PreWgMode { get; set; } = Domain.PreWgCardMode.Detailed;

    /// <summary>
    /// How long a status question waits for the whole review (read in the background after a start, about 25 s at
    /// 100,000 tasks) before the asker is told the figures are still being prepared; well inside the turn timeout.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:12")]
    public TimeSpan StatusPatience { get; set; } = TimeSpan.FromSeconds(8);

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

        foreach (var name in Subcommittees.Keys.Where(k => Domain.Subcommittees.Parse(k) is null))
        {
            yield return new ValidationResult($"Review:Subcommittees:{name} names no subcommittee.", [nameof(Subcommittees)]);
        }

        if (!string.IsNullOrEmpty(Locale) && !Localization.BotCultures.IsSupported(Locale))
        {
            yield return new ValidationResult($"Review:Locale '{Locale}' is not supported (use ja-JP or en-US).", [nameof(Locale)]);
        }
    }
}

/// <summary>Settings of one subcommittee (<c>Review:Subcommittees:&lt;name&gt;</c>).</summary>
public sealed class SubcommitteeSettings
{
    /// <summary>The Entra group of its members.</summary>
    public string? GroupId { get; set; }
}
