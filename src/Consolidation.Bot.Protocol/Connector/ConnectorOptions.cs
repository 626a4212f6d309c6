using System.ComponentModel.DataAnnotations;

namespace Consolidation.Bot.Protocol.Connector;

/// <summary>
/// Retry and self-throttling settings of the outbound connector client. Defaults follow the Teams
/// rate-limit documentation (7/1 s, 8/2 s, 60/30 s per conversation; 50/1 s per app per tenant).
/// </summary>
public sealed class ConnectorOptions : IValidatableObject
{
    /// <summary>The configuration section the host binds these options from.</summary>
    public const string SectionName = "Bot:Connector";

    /// <summary>Retries after the first attempt (429, 412, 502, 503, 504, transport errors, attempt timeouts). 0 disables retries.</summary>
    [Range(0, 20)]
    public int MaxRetryAttempts { get; set; } = 6;

    /// <summary>Base delay of the jittered exponential backoff used when no <c>Retry-After</c> header is sent.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on any single wait between attempts, including a server's <c>Retry-After</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of one HTTP attempt (a timed-out attempt is retried).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of a whole call, all attempts and waits included.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Added to every rate-limit window (on top of counting each operation until its response) for clock granularity.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan RateLimitSafetyMargin { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Per bot per conversation: 7 operations per second.</summary>
    [Required]
    public SlidingWindowLimit ConversationPerSecond { get; set; } = new(7, TimeSpan.FromSeconds(1));

    /// <summary>Per bot per conversation: 8 operations per 2 seconds.</summary>
    [Required]
    public SlidingWindowLimit ConversationPerTwoSeconds { get; set; } = new(8, TimeSpan.FromSeconds(2));

    /// <summary>Per bot per conversation: 60 operations per 30 seconds.</summary>
    [Required]
    public SlidingWindowLimit ConversationPerThirtySeconds { get; set; } = new(60, TimeSpan.FromSeconds(30));

    /// <summary>Per app per tenant: 50 operations per second.</summary>
    [Required]
    public SlidingWindowLimit TenantPerSecond { get; set; } = new(50, TimeSpan.FromSeconds(1));

    internal IReadOnlyList<SlidingWindowLimit> ConversationLimits =>
        [ConversationPerSecond, ConversationPerTwoSeconds, ConversationPerThirtySeconds];

    internal IReadOnlyList<SlidingWindowLimit> TenantLimits => [TenantPerSecond];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var limits = new (string Name, SlidingWindowLimit? Limit)[]
        {
            (nameof(ConversationPerSecond), ConversationPerSecond),
            (nameof(ConversationPerTwoSeconds), ConversationPerTwoSeconds),
            (nameof(ConversationPerThirtySeconds), ConversationPerThirtySeconds),
            (nameof(TenantPerSecond), TenantPerSecond),
        };
        foreach (var (name, limit) in limits)
        {
            if (limit is null)
            {
                continue; // [Required] reports it.
            }

            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(limit, new ValidationContext(limit), results, validateAllProperties: true))
            {
                foreach (var result in results)
                {
                    yield return new ValidationResult($"{name}: {result.ErrorMessage}", [name]);
                }
            }
        }
    }
}

/// <summary>At most <see cref="PermitLimit"/> operations in any window of length <see cref="Window"/>.</summary>
public sealed class SlidingWindowLimit
{
    public SlidingWindowLimit()
    {
    }

    public SlidingWindowLimit(int permitLimit, TimeSpan window)
    {
        PermitLimit = permitLimit;
        Window = window;
    }

    [Range(1, 10_000)]
    public int PermitLimit { get; set; }

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan Window { get; set; }
}
