using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Consolidation.Bot.Cards.Model;

/// <summary>
/// Source-generated serialization of cards; nulls are never written, and Japanese is written as UTF-8 rather than
/// <c>\uXXXX</c> escapes (a third of the size, which matters under Teams' message size limits).
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdaptiveCard))]
[JsonSerializable(typeof(string))]
public sealed partial class CardJsonContext : JsonSerializerContext
{
    /// <summary>The context with the Unicode-friendly encoder; use this rather than <c>Default</c>.</summary>
    public static CardJsonContext Unicode { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });

    public static JsonElement ToElement(AdaptiveCard card) => JsonSerializer.SerializeToElement(card, Unicode.AdaptiveCard);

    public static string ToJson(AdaptiveCard card) => JsonSerializer.Serialize(card, Unicode.AdaptiveCard);
}
