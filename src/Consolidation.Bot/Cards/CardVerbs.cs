namespace Consolidation.Bot.Cards;

/// <summary>Card action verbs, shared by the card builders and the handlers that the router picks by verb.</summary>
public static class CardVerbs
{
    public const string ShowHelp = "showHelp";
}
