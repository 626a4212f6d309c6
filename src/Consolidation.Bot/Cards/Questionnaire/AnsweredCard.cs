using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Cards.Questionnaire;

/// <summary>An accepted answer as the answered card shows it.</summary>
public sealed record AnsweredCardModel
{
    public required TaskSummary Task { get; init; }

    /// <summary>The accepted outcome (answer, when, late, override).</summary>
    public required StageOutcome Outcome { get; init; }

    /// <summary>The display name of <see cref="StageOutcome.AnsweredBy"/>.</summary>
    public required string AnsweredByName { get; init; }

    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>The assignee's Teams user id, so the card refreshes for them if the task is reopened; null → no refresh.</summary>
    public string? AssigneeUserId { get; init; }

    public required BotText Text { get; init; }
}

/// <summary>The read-only card that replaces a questionnaire once its answer is accepted: who answered what, and when.</summary>
public static class AnsweredCard
{
    public static AdaptiveCard Build(AnsweredCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = model.Text;
        var outcome = model.Outcome;
        var title = text.Format(nameof(Strings.Answered_Title), outcome.Answer.Stage.Name(text.IsJapanese));
        var marks = new List<string>();
        if (outcome.Late)
        {
            marks.Add(text[nameof(Strings.Answered_Late)]);
        }

        if (outcome.Override)
        {
            marks.Add(text[nameof(Strings.Answered_Override)]);
        }

        var body = new List<CardElement>
        {
            TaskCardParts.Kicker(title),
            TaskCardParts.TaskName(model.Task.TaskName),
            TaskCardParts.Facts(
                model.Task,
                text,
                new Fact(text[nameof(Strings.Answered_By)], model.AnsweredByName),
                new Fact(text[nameof(Strings.Answered_At)], CardText.DateTime(outcome.AnsweredAt, model.TimeZone, text))),
        };
        if (marks.Count > 0)
        {
            body.Add(new TextBlock(string.Join(" / ", marks)) { Color = TextColor.Warning, Weight = TextWeight.Bolder });
        }

        body.Add(new FactSet { Separator = true, Spacing = Spacing.Medium, Facts = AnswerFacts.Of(outcome.Answer, text) });
        body.Add(new TextBlock(text[nameof(Strings.Answered_Thanks)]) { IsSubtle = true, Size = TextSize.Small });
        return new AdaptiveCard
        {
            FallbackText = $"{title}: {model.Task.TaskName}",
            Body = body,
            Actions = [CardAttachment.Execute(text[nameof(Strings.Action_MyTasks)], CardVerbs.MyTasks)],
            Refresh = TaskCardParts.Refresh(model.Task.TaskId, model.AssigneeUserId, text),
        };
    }
}

/// <summary>The main answers of a stage as facts, in the turn's language.</summary>
public static class AnswerFacts
{
    public static IReadOnlyList<Fact> Of(StageAnswer answer, BotText text)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(text);
        var facts = new List<Fact>();
        void Add(string labelKey, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                facts.Add(new Fact(text[labelKey], value));
            }
        }

        switch (answer)
        {
            case BureauViewAnswer a:
                Add(nameof(Strings.BureauView_Question), a.View.Name(text.IsJapanese));
                Add(nameof(Strings.BureauView_Comment), a.Comment);
                break;
            case PreWgAnswer { Rough: true } a:
                // The batch card asked only keep / exclude: the basic items were not answered, so none is shown.
                Add(nameof(Strings.Q_PreWgDecision), a.Decision.Name(text.IsJapanese));
                Add(nameof(Strings.Q_PreWgReason), a.Reason);
                Add(nameof(Strings.Answered_Method), text[nameof(Strings.Answered_RoughSelection)]);
                break;
            case PreWgAnswer a:
                Add(nameof(Strings.Q_PreWgDecision), a.Decision.Name(text.IsJapanese));
                Add(nameof(Strings.Q_PreWgReason), a.Reason);
                Add(nameof(Strings.Q_Routine), CardText.YesNo(a.Routine, text));
                Add(nameof(Strings.Q_HighLevelNegotiation), CardText.YesNo(a.HighLevelNegotiation, text));
                Add(nameof(Strings.Q_PaperOrVisit), CardText.YesNo(a.PaperOrVisit, text));
                Add(nameof(Strings.Q_LessEfficientAtWard), a.LessEfficientAtWard is { } less ? CardText.YesNo(less, text) : null);
                Add(nameof(Strings.Q_BusinessesServed), CardText.YesNo(a.BusinessesServed, text));
                Add(nameof(Strings.Q_MigrationEffect), CardText.Name(a.MigrationEffect, text));
                Add(nameof(Strings.Q_AnnualCases), a.AnnualCases is { } cases ? CardText.Number(cases, text) : null);
                Add(nameof(Strings.Q_StaffHours), a.StaffHours is { } hours ? CardText.Number(hours, text) : null);
                break;
            case WgAnswer a:
                Add(nameof(Strings.Q_WgDecision), a.Decision.Name(text.IsJapanese));
                Add(nameof(Strings.Q_Destination), a.Destination is { } d ? CardText.Name(d, text) : null);
                Add(nameof(Strings.Q_DestinationNote), a.DestinationNote);
                Add(nameof(Strings.Q_Partial), CardText.YesNo(a.Partial, text));
                Add(nameof(Strings.Q_AlreadyConsolidated), CardText.YesNo(a.AlreadyConsolidated, text));
                Add(nameof(Strings.Q_Issues), a.Issues);
                break;
            case SuitabilityAnswer a:
                Add(nameof(Strings.Q_SuitabilityDecision), a.Decision.Name(text.IsJapanese));
                Add(nameof(Strings.Q_Trigger), a.Trigger?.Name(text.IsJapanese));
                Add(nameof(Strings.Q_RevisitDate), a.RevisitDate is { } date ? CardText.Date(date, text) : null);
                Add(nameof(Strings.Q_SuitabilityReason), a.Reason);
                Add(nameof(Strings.Q_StaffingBudget), a.StaffingBudget);
                break;
        }

        return facts;
    }
}
