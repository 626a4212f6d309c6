using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Consolidation.Bot.IntegrationTests.Infrastructure;

public static class Json
{
    /// <summary>Writes Japanese as is (not <c>\uXXXX</c>), so tests can search JSON text for Japanese words.</summary>
    public static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
}

/// <summary>Reading the Playground's WebSocket frames safely (messages without attachments have an empty array).</summary>
public static class Frames
{
    public static System.Text.Json.Nodes.JsonNode? CardOf(System.Text.Json.Nodes.JsonObject frame) =>
        frame["message"]?["attachments"] is System.Text.Json.Nodes.JsonArray { Count: > 0 } attachments ? attachments[0]?["content"] : null;

    public static string CardText(System.Text.Json.Nodes.JsonObject frame) => CardOf(frame)?.ToJsonString(Json.Readable) ?? "";
}
