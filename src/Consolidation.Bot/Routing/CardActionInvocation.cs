using System.Globalization;
using System.Text.Json;
using Consolidation.Bot.Protocol.Schema;

namespace Consolidation.Bot.Routing;

/// <summary>
/// A click on a card button: the verb and the data (the action's own data merged with the input values),
/// from an <c>adaptiveCard/action</c> invoke (<see cref="IsExecute"/>) or an <c>Action.Submit</c> message.
/// </summary>
public sealed record CardActionInvocation(string Verb, JsonElement Data, bool IsExecute)
{
    /// <summary>The data key that carries the verb for <c>Action.Submit</c> (which has no verb of its own).</summary>
    public const string VerbKey = "verb";

    /// <summary>A data value as text: strings as they are, numbers and booleans in invariant form; null if absent or empty.</summary>
    public string? Get(string key)
    {
        if (Data.ValueKind != JsonValueKind.Object || !Data.TryGetProperty(key, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>Reads the invocation from an invoke's <c>value.action</c>; null when it is not an <c>Action.Execute</c>.</summary>
    public static CardActionInvocation? FromInvoke(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object
            || !action.TryGetProperty("type", out var type) || type.GetString() != "Action.Execute"
            || !action.TryGetProperty("verb", out var verb) || verb.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : EmptyObject;
        return new CardActionInvocation(verb.GetString()!, data, IsExecute: true);
    }

    /// <summary>Reads the invocation from an <c>Action.Submit</c> message (<c>value</c> object with a verb key).</summary>
    public static CardActionInvocation? FromSubmit(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty(VerbKey, out var verb) || verb.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return new CardActionInvocation(verb.GetString()!, value, IsExecute: false);
    }

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Verb} ({(IsExecute ? "execute" : "submit")})");
}
