using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Protocol.Schema;

namespace Consolidation.Bot.Cards;

public static class CardAttachment
{
    /// <summary>The card as a message attachment (<c>application/vnd.microsoft.card.adaptive</c>).</summary>
    public static Attachment From(AdaptiveCard card) => new()
    {
        ContentType = ContentTypes.AdaptiveCard,
        Content = CardJsonContext.ToElement(card),
    };

    /// <summary>An <c>Action.Execute</c> whose data also carries the verb, so the <c>Action.Submit</c> fallback routes the same.</summary>
    public static ExecuteAction Execute(string title, string verb, IReadOnlyDictionary<string, string>? data = null)
    {
        var merged = new Dictionary<string, string>(data ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [Routing.CardActionInvocation.VerbKey] = verb,
        };
        return new ExecuteAction { Title = title, Verb = verb, Data = merged };
    }
}
