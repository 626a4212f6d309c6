using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Scheduling;

namespace Consolidation.Bot.Cards.Reminders;

/// <summary>A member's reminder: their open tasks (nearest deadline first) and a button that brings up the next card.</summary>
public sealed record ReminderCardModel(string MemberName, IReadOnlyList<ReminderItem> Items, TimeZoneInfo Zone, BotText Text);

public static class ReminderCard
{
    public const int MaxRows = 10;

    public static AdaptiveCard Build(ReminderCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var t = model.Text;
        var body = new List<CardElement>
        {
            new TextBlock(t[nameof(Strings.Reminder_Title)]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(t.Format(nameof(Strings.Reminder_Intro), model.MemberName, model.Items.Count)),
        };
        body.AddRange(model.Items.Take(MaxRows).Select(i => (CardElement)new TextBlock(t.Format(
            i.Late ? nameof(Strings.Reminder_RowLate) : nameof(Strings.Reminder_Row),
            i.TaskName, i.TaskId, i.Stage.Name(t.IsJapanese), TimeZoneInfo.ConvertTime(i.Deadline, model.Zone).DateTime))
        {
            Spacing = Spacing.Small,
            Color = i.Late ? TextColor.Attention : null,
        }));
        if (model.Items.Count > MaxRows)
        {
            body.Add(new TextBlock(t.Format(nameof(Strings.Reminder_More), model.Items.Count - MaxRows)) { IsSubtle = true });
        }

        return new AdaptiveCard
        {
            FallbackText = t.Format(nameof(Strings.Reminder_FallbackText), model.Items.Count),
            Body = body,
            Actions = model.Items.Count == 0 ? null :
            [
                CardAttachment.Execute(t[nameof(Strings.Reminder_Answer)], CardVerbs.ShowTask,
                    new Dictionary<string, string> { [QuestionnaireFields.TaskId] = model.Items[0].TaskId }) with { Style = ActionStyle.Positive },
                CardAttachment.Execute(t[nameof(Strings.Reminder_MyTasks)], CardVerbs.MyTasks),
            ],
        };
    }
}

/// <summary>The late list for a subcommittee's lead.</summary>
public sealed record EscalationCardModel(string LeadName, Subcommittee Subcommittee, IReadOnlyList<(ReminderItem Item, string AssigneeName)> Items, TimeZoneInfo Zone, BotText Text);

public static class EscalationCard
{
    public const int MaxRows = 20;

    public static AdaptiveCard Build(EscalationCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var t = model.Text;
        var subcommittee = model.Subcommittee.Name(t.IsJapanese);
        var body = new List<CardElement>
        {
            new TextBlock(t.Format(nameof(Strings.Escalation_Title), subcommittee)) { Size = TextSize.Large, Weight = TextWeight.Bolder, Color = TextColor.Attention },
            new TextBlock(t.Format(nameof(Strings.Escalation_Intro), model.LeadName, subcommittee, model.Items.Count)),
        };
        body.AddRange(model.Items.Take(MaxRows).Select(x => (CardElement)new TextBlock(t.Format(nameof(Strings.Escalation_Row),
            x.Item.TaskName, x.Item.TaskId, x.Item.Stage.Name(t.IsJapanese), x.AssigneeName, TimeZoneInfo.ConvertTime(x.Item.Deadline, model.Zone).DateTime))
        { Spacing = Spacing.Small }));
        if (model.Items.Count > MaxRows)
        {
            body.Add(new TextBlock(t.Format(nameof(Strings.Reminder_More), model.Items.Count - MaxRows)) { IsSubtle = true });
        }

        return new AdaptiveCard { FallbackText = t.Format(nameof(Strings.Escalation_FallbackText), model.Items.Count, subcommittee), Body = body };
    }
}
