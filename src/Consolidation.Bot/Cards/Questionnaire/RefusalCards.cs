using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Cards.Questionnaire;

/// <summary>An answer to a task assigned to someone else. Who is assigned is deliberately not part of the model.</summary>
public sealed record NotYourTaskCardModel(TaskSummary Task, BotText Text);

/// <summary>Refuses an answer to another member's task, naming the task but not the assignee.</summary>
public static class NotYourTaskCard
{
    public static AdaptiveCard Build(NotYourTaskCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = model.Text;
        var title = text[nameof(Strings.NotYourTask_Title)];
        return new AdaptiveCard
        {
            FallbackText = title,
            Body =
            [
                new TextBlock(title) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Color = TextColor.Attention },
                new TextBlock(text.Format(nameof(Strings.NotYourTask_Body), model.Task.TaskName, model.Task.TaskId)),
            ],
            Actions = [CardAttachment.Execute(text[nameof(Strings.Action_MyTasks)], CardVerbs.MyTasks)],
        };
    }
}

/// <summary>An answer to a stage whose window is closed for the task's subcommittee.</summary>
public sealed record StageClosedCardModel(TaskSummary Task, Stage Stage, BotText Text);

/// <summary>Refuses an answer because the stage no longer takes answers; the secretariat can reopen or override.</summary>
public static class StageClosedCard
{
    public static AdaptiveCard Build(StageClosedCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = model.Text;
        var title = text[nameof(Strings.StageClosed_Title)];
        return new AdaptiveCard
        {
            FallbackText = title,
            Body =
            [
                new TextBlock(title) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Color = TextColor.Warning },
                new TextBlock(text.Format(nameof(Strings.StageClosed_Body), model.Stage.Name(text.IsJapanese), model.Task.TaskName, model.Task.TaskId)),
            ],
            Actions = [CardAttachment.Execute(text[nameof(Strings.Action_MyTasks)], CardVerbs.MyTasks)],
        };
    }
}
