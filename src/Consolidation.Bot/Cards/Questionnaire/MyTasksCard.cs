using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Cards.Questionnaire;

/// <summary>One open task of a member. <see cref="Overdue"/> is decided by the handler (the builder reads no clock).</summary>
public sealed record MyTaskRow(string TaskId, string TaskName, Stage Stage, DateTimeOffset? Deadline, bool Overdue = false);

public sealed record MyTasksCardModel(IReadOnlyList<MyTaskRow> Tasks, TimeZoneInfo TimeZone, BotText Text);

/// <summary>A member's open tasks, nearest deadline first: up to <see cref="MaxRows"/> rows, each opening its card.</summary>
public static class MyTasksCard
{
    public const int MaxRows = 15;

    public static AdaptiveCard Build(MyTasksCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = model.Text;
        var title = text.Format(nameof(Strings.MyTasks_Title), model.Tasks.Count);
        var body = new List<CardElement> { new TextBlock(title) { Size = TextSize.Medium, Weight = TextWeight.Bolder } };
        if (model.Tasks.Count == 0)
        {
            body.Add(new TextBlock(text[nameof(Strings.MyTasks_Empty)]));
        }

        var rows = model.Tasks
            .OrderBy(t => t.Deadline ?? DateTimeOffset.MaxValue)
            .ThenBy(t => t.TaskId, StringComparer.Ordinal)
            .Take(MaxRows);
        body.AddRange(rows.Select(row => Row(row, model)));
        if (model.Tasks.Count > MaxRows)
        {
            body.Add(new TextBlock(text.Format(nameof(Strings.MyTasks_More), model.Tasks.Count - MaxRows)) { IsSubtle = true, Spacing = Spacing.Medium });
        }

        return new AdaptiveCard { FallbackText = title, Body = body };
    }

    private static ColumnSet Row(MyTaskRow row, MyTasksCardModel model)
    {
        var text = model.Text;
        var details = row.Stage.Name(text.IsJapanese);
        if (row.Deadline is { } deadline)
        {
            details += " · " + text.Format(nameof(Strings.MyTasks_Due), CardText.DateTime(deadline, model.TimeZone, text));
        }

        var detailLine = new TextBlock(details) { IsSubtle = !row.Overdue, Size = TextSize.Small, Spacing = Spacing.None };
        if (row.Overdue)
        {
            detailLine = detailLine with { Text = $"{details} · {text[nameof(Strings.MyTasks_Overdue)]}", Color = TextColor.Attention };
        }

        return new ColumnSet
        {
            Separator = true,
            Columns =
            [
                new Column
                {
                    Width = "stretch",
                    Items = [new TextBlock($"{row.TaskId}　{row.TaskName}") { Weight = TextWeight.Bolder }, detailLine],
                },
                new Column
                {
                    Width = "auto",
                    VerticalContentAlignment = "Center",
                    Items = [new ActionSet { Actions = [CardAttachment.Execute(text[nameof(Strings.Action_ShowTask)], CardVerbs.ShowTask, TaskCardParts.TaskData(row.TaskId))] }],
                },
            ],
        };
    }
}
