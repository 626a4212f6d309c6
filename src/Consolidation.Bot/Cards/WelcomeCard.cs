using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Cards;

/// <summary>The greeting a user gets when the bot is installed in their personal scope.</summary>
public static class WelcomeCard
{
    public static AdaptiveCard Build(BotText text) => new()
    {
        FallbackText = text[nameof(Strings.Welcome_Title)],
        Body =
        [
            new TextBlock(text[nameof(Strings.Welcome_Title)]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(text[nameof(Strings.Welcome_Body)]),
        ],
        Actions = [CardAttachment.Execute(text[nameof(Strings.Action_ShowHelp)], CardVerbs.ShowHelp)],
    };
}
