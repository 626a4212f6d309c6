using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Consolidation.Bot.Protocol.Schema;

/// <summary>
/// Source-generated System.Text.Json metadata for every wire type. Nulls are never written:
/// the Bot Connector (and the Playground's zod schemas) reject explicit nulls in optional fields.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(InvokeResponse))]
[JsonSerializable(typeof(InvokeError))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(PagedMembersResult))]
[JsonSerializable(typeof(ConversationList))]
[JsonSerializable(typeof(TeamsChannelAccount))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context to use on the wire: same metadata, but Japanese is written as UTF-8 instead of <c>\uXXXX</c>
    /// escapes (a third of the bytes, which matters under Teams' message size limit).
    /// </summary>
    public static ProtocolJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });
}
