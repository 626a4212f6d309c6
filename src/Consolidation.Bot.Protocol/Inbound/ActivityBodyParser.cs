using System.Text.Json;
using Consolidation.Bot.Protocol.Schema;

namespace Consolidation.Bot.Protocol.Inbound;

/// <summary>Parses a request body into an <see cref="Activity"/> and checks the fields every turn needs.</summary>
internal static class ActivityBodyParser
{
    /// <summary>Returns the activity, or null with a precise <paramref name="error"/> for the 400 answer.</summary>
    public static Activity? Parse(ReadOnlySpan<byte> body, out string? error)
    {
        var kind = RootKind(body, out error);
        if (error is not null)
        {
            return null;
        }

        if (kind != JsonTokenType.StartObject)
        {
            error = $"The request body must be a JSON object (an activity), not {Describe(kind)}.";
            return null;
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(body, ProtocolJsonContext.Wire.Activity);
        }
        catch (JsonException ex)
        {
            error = $"The activity does not match the Bot Framework schema at '{ex.Path ?? "$"}'.";
            return null;
        }

        error = activity is null ? "The request body is empty." : MissingField(activity);
        return error is null ? activity : null;
    }

    private static string? MissingField(Activity activity) =>
        string.IsNullOrWhiteSpace(activity.Type) ? "The activity has no 'type'."
        : activity.Conversation is null ? "The activity has no 'conversation'."
        : string.IsNullOrWhiteSpace(activity.Conversation.Id) ? "The activity has no 'conversation.id'."
        : string.IsNullOrWhiteSpace(activity.ServiceUrl) ? "The activity has no 'serviceUrl'."
        : activity.From is null ? "The activity has no 'from'."
        : null;

    /// <summary>Reads the whole document once to find syntax errors and the root token.</summary>
    private static JsonTokenType RootKind(ReadOnlySpan<byte> body, out string? error)
    {
        error = null;
        if (body.IsEmpty)
        {
            error = "The request body is empty.";
            return JsonTokenType.None;
        }

        var reader = new Utf8JsonReader(body);
        try
        {
            if (!reader.Read())
            {
                error = "The request body is empty.";
                return JsonTokenType.None;
            }

            var kind = reader.TokenType;
            reader.Skip();
            while (reader.Read())
            {
                // Consumes the rest so trailing garbage is reported as malformed JSON.
            }

            return kind;
        }
        catch (JsonException ex)
        {
            error = $"The request body is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}).";
            return JsonTokenType.None;
        }
    }

    private static string Describe(JsonTokenType kind) => kind switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => kind.ToString(),
    };
}
