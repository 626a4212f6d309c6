using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Cards.Questionnaire;

/// <summary>Pieces the task cards share.</summary>
internal static class TaskCardParts
{
    public static TextBlock Kicker(string text) =>
        new(text) { Size = TextSize.Small, Weight = TextWeight.Bolder, Color = TextColor.Accent };

    public static TextBlock TaskName(string name) =>
        new(name) { Size = TextSize.Large, Weight = TextWeight.Bolder, Spacing = Spacing.None };

    /// <summary>The task's id, subcommittee and bureau, followed by <paramref name="more"/>.</summary>
    public static FactSet Facts(TaskSummary task, BotText text, params IEnumerable<Fact> more) => new()
    {
        Facts =
        [
            new Fact(text[nameof(Strings.Card_TaskId)], task.TaskId),
            new Fact(text[nameof(Strings.Card_Subcommittee)], task.Subcommittee.Name(text.IsJapanese)),
            new Fact(text[nameof(Strings.Card_Bureau)], task.Bureau),
            .. more,
        ],
    };

    /// <summary>An action's task (and, when known, review) data keys.</summary>
    public static Dictionary<string, string> TaskData(string taskId, string? reviewId = null)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { [QuestionnaireFields.TaskId] = taskId };
        if (reviewId is not null)
        {
            data[QuestionnaireFields.ReviewId] = reviewId;
        }

        return data;
    }

    /// <summary>Universal Actions refresh for the assignee; none when their Teams user id is not known.</summary>
    public static CardRefresh? Refresh(string taskId, string? assigneeUserId, BotText text, string? reviewId = null) =>
        string.IsNullOrEmpty(assigneeUserId)
            ? null
            : new CardRefresh
            {
                Action = CardAttachment.Execute(text[nameof(Strings.Questionnaire_Refresh)], QuestionnaireFields.RefreshVerb, TaskData(taskId, reviewId)),
                UserIds = [assigneeUserId],
            };

    public static TextBlock Error(string message) => new(message) { Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.Small };
}
