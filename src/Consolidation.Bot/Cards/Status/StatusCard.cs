using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Cards.Status;

/// <summary>A status answer: numbers first, then the few names that matter, the rest behind "show more".</summary>
public sealed record StatusCardModel(
    string Title,
    IReadOnlyList<Fact> Figures,
    string? ListTitle,
    IReadOnlyList<string> List,
    string? Note,
    BotText Text);

public static class StatusCard
{
    /// <summary>Names shown at once; the rest go behind "show more".</summary>
    public const int FirstFew = 5;

    /// <summary>At most this many behind "show more" (the card stays well under Teams' size limit).</summary>
    public const int MoreAtMost = 60;

    public static AdaptiveCard Build(StatusCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var t = model.Text;
        var body = new List<CardElement> { new TextBlock(model.Title) { Size = TextSize.Medium, Weight = TextWeight.Bolder } };
        if (model.Figures.Count > 0)
        {
            body.Add(new FactSet { Id = "figures", Facts = model.Figures });
        }

        if (model.ListTitle is not null)
        {
            body.Add(new TextBlock(model.ListTitle) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
            body.AddRange(model.List.Take(FirstFew).Select(n => (CardElement)new TextBlock(n) { Spacing = Spacing.None }));
        }

        if (model.Note is not null)
        {
            body.Add(new TextBlock(model.Note) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Medium });
        }

        var more = model.List.Skip(FirstFew).ToList();
        IReadOnlyList<CardAction>? actions = more.Count == 0 ? null :
        [
            new ShowCardAction
            {
                Title = t.Format(nameof(Strings.Status_ShowMore), more.Count),
                Card = new AdaptiveCard
                {
                    Body =
                    [
                        .. more.Take(MoreAtMost).Select(n => (CardElement)new TextBlock(n) { Spacing = Spacing.None }),
                        .. more.Count > MoreAtMost ? [new TextBlock(t.Format(nameof(Strings.Reminder_More), more.Count - MoreAtMost)) { IsSubtle = true }] : Array.Empty<CardElement>(),
                    ],
                },
            },
        ];
        return new AdaptiveCard { FallbackText = model.Title, Body = body, Actions = actions };
    }
}
