using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Cards.Questionnaire;

/// <summary>Why a card's answer was refused as out of date.</summary>
public enum StaleReason
{
    /// <summary>The stage the card asks about already has an accepted answer.</summary>
    AlreadyAnswered,

    /// <summary>The task changed after the card was built (reopened, reassigned, moved on): its version differs.</summary>
    Changed,
}

public sealed record StaleCardModel
{
    public required TaskSummary Task { get; init; }
    public required StaleReason Reason { get; init; }

    /// <summary>Where the task stands now.</summary>
    public required Stage CurrentStage { get; init; }

    /// <summary>The current stage as shown, with the outcome once decided (<see cref="CardText.StageWithOutcome"/>); the stage's name when null.</summary>
    public string? CurrentStageText { get; init; }

    /// <summary>The latest accepted outcome of any stage, if there is one.</summary>
    public StageOutcome? LatestOutcome { get; init; }

    public required TimeZoneInfo TimeZone { get; init; }
    public required BotText Text { get; init; }
}

/// <summary>Refuses an answer from an out-of-date card, shows where the task stands, and offers the current card.</summary>
public static class StaleCard
{
    public static AdaptiveCard Build(StaleCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = model.Text;
        var latest = model.LatestOutcome is { } outcome
            ? $"{outcome.Answer.Stage.Name(text.IsJapanese)}: {CardText.Decision(outcome.Answer, text)} ({CardText.DateTime(outcome.AnsweredAt, model.TimeZone, text)})"
            : text[nameof(Strings.Stale_NoDecision)];
        var title = text[nameof(Strings.Stale_Title)];
        return new AdaptiveCard
        {
            FallbackText = title,
            Body =
            [
                new TextBlock(title) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Color = TextColor.Warning },
                new TextBlock(text[model.Reason == StaleReason.AlreadyAnswered ? nameof(Strings.Stale_Answered) : nameof(Strings.Stale_Changed)]),
                new TextBlock(text[nameof(Strings.Stale_NotRecorded)]) { Spacing = Spacing.Small },
                TaskCardParts.TaskName(model.Task.TaskName) with { Size = TextSize.Medium, Spacing = Spacing.Medium },
                TaskCardParts.Facts(
                    model.Task,
                    text,
                    new Fact(text[nameof(Strings.Stale_CurrentStage)], model.CurrentStageText ?? model.CurrentStage.Name(text.IsJapanese)),
                    new Fact(text[nameof(Strings.Stale_LatestDecision)], latest)),
            ],
            Actions = [CardAttachment.Execute(text[nameof(Strings.Action_ShowCurrent)], CardVerbs.ShowTask, TaskCardParts.TaskData(model.Task.TaskId))],
        };
    }
}
