using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Cards.Status;

/// <summary>The readings of an ambiguous question, each a button that asks it unambiguously.</summary>
public sealed record ClarifyCardModel(IReadOnlyList<(string Label, string Question)> Readings, BotText Text);

/// <summary>"Which did you mean?": asked instead of answering about one of several subcommittees the question named.</summary>
public static class ClarifyCard
{
    public static AdaptiveCard Build(ClarifyCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var title = model.Text[nameof(Strings.Status_ClarifyTitle)];
        return new AdaptiveCard
        {
            FallbackText = title,
            Body = [new TextBlock(title) { Weight = TextWeight.Bolder }],
            Actions = [.. model.Readings.Select(r => (CardAction)CardAttachment.Execute(r.Label, CardVerbs.AskStatus,
                new Dictionary<string, string>(StringComparer.Ordinal) { [CardVerbs.QuestionKey] = r.Question }))],
        };
    }
}
