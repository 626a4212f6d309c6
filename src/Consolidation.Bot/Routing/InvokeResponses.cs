using System.Text.Json;
using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Protocol.Schema;

namespace Consolidation.Bot.Routing;

/// <summary>The invoke response shapes of the Universal Actions model.</summary>
public static class InvokeResponses
{
    /// <summary>200 with a card that replaces the clicked card.</summary>
    public static InvokeResponse Card(AdaptiveCard card) => new()
    {
        StatusCode = 200,
        Type = ContentTypes.AdaptiveCard,
        Value = CardJsonContext.ToElement(card),
    };

    /// <summary>200 with a short text shown to the user.</summary>
    public static InvokeResponse Message(string text) => new()
    {
        StatusCode = 200,
        Type = ContentTypes.ActivityMessage,
        Value = JsonSerializer.SerializeToElement(text, CardJsonContext.Unicode.String),
    };

    /// <summary>An error status (400, 412, 500…) with <c>{code, message}</c>.</summary>
    public static InvokeResponse Error(int statusCode, string code, string message) => new()
    {
        StatusCode = statusCode,
        Type = ContentTypes.Error,
        Value = JsonSerializer.SerializeToElement(new InvokeError { Code = code, Message = message }, ProtocolJsonContext.Wire.InvokeError),
    };

    /// <summary>The card of a card response, as a message attachment (used to update an Action.Submit card).</summary>
    public static Attachment? AsAttachment(InvokeResponse response) =>
        response.Type == ContentTypes.AdaptiveCard && response.Value is { } card
            ? new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = card }
            : null;
}
