using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Review;

/// <summary>JSON of the domain values stored in table properties (answers, outcomes), enums as names.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(StageAnswer))]
[JsonSerializable(typeof(StageOutcome))]
[JsonSerializable(typeof(Dictionary<Stage, string>))]
[JsonSerializable(typeof(List<Subcommittee>))]
[JsonSerializable(typeof(List<RoundRecord>))]
public sealed partial class DomainJsonContext : JsonSerializerContext
{
    /// <summary>Writes Japanese as UTF-8 (table properties are limited to 64 KiB).</summary>
    public static DomainJsonContext Storage { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    });
}
