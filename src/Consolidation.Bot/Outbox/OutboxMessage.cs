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

    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("reviewId")] public required string ReviewId { get; init; }
    [JsonPropertyName("tenantId")] public required string TenantId { get; init; }

    /// <summary>The member concerned (email, the review's member key).</summary>
    [JsonPropertyName("email")] public required string Email { get; init; }

    /// <summary>Entra object id of the secretariat member to tell when the member cannot be reached.</summary>
    [JsonPropertyName("reportTo")] public string? ReportTo { get; init; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OutboxMessage))]
public sealed partial class OutboxJsonContext : JsonSerializerContext;
