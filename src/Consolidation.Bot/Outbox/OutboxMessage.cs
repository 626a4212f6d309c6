using System.Text.Json.Serialization;

namespace Consolidation.Bot.Outbox;

/// <summary>
/// A unit of slow work taken off the request path, kept in an Azure Storage queue until it is done
/// (a restart neither loses nor repeats it: handlers are idempotent, see <see cref="IOutboxHandler"/>).
/// </summary>
public sealed record OutboxMessage
{
    /// <summary>Send the member the next questionnaire card, unless one is still waiting for their answer.</summary>
    public const string NextCard = "nextCard";

    /// <summary>Build and post the digest of run <see cref="RunKey"/> to the council channel.</summary>
    public const string Digest = "digest";

    /// <summary>Work out the reminders of run <see cref="RunKey"/> and queue one message per recipient.</summary>
    public const string Reminders = "reminders";

    /// <summary>Send one member their reminder of run <see cref="RunKey"/>.</summary>
    public const string Reminder = "reminder";

    /// <summary>Send one lead the late list of <see cref="Subcommittee"/> for run <see cref="RunKey"/>.</summary>
    public const string Escalation = "escalation";

    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("reviewId")] public required string ReviewId { get; init; }
    [JsonPropertyName("tenantId")] public required string TenantId { get; init; }

    /// <summary>The member concerned (email, the review's member key); empty for whole-run messages.</summary>
    [JsonPropertyName("email")] public string Email { get; init; } = "";

    /// <summary>Entra object id of the secretariat member to tell when the member cannot be reached.</summary>
    [JsonPropertyName("reportTo")] public string? ReportTo { get; init; }

    /// <summary>The scheduled (or manual) run this message belongs to.</summary>
    [JsonPropertyName("run")] public string? RunKey { get; init; }

    /// <summary>The run's slot: the instant the schedule named (or the time of a manual run).</summary>
    [JsonPropertyName("slot")] public DateTimeOffset? Slot { get; init; }

    /// <summary>A run asked for in chat ("digest now", "remind now"), not by the schedule.</summary>
    [JsonPropertyName("manual")] public bool? Manual { get; init; }

    [JsonPropertyName("subcommittee")] public string? Subcommittee { get; init; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OutboxMessage))]
public sealed partial class OutboxJsonContext : JsonSerializerContext;
