using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review;

namespace Consolidation.Bot.Features.Questionnaire;

/// <summary>
/// Chooses the card that shows a task as it stands to one member: the questionnaire when it waits for their answer,
/// the answered card once answered, a stale card when the task moved on, a refusal when it is not theirs.
/// </summary>
public sealed class TaskCards(QuestionnaireComposer composer)
{
    public AdaptiveCard Current(ReviewSnapshot snapshot, ReviewTask task, Member member, string? userId, BotText text)
    {
        var stage = task.Stage;
        var email = member.Email;
        var mine = Stages.Screening.Contains(stage) && task.IsAssignee(stage, email);
        var window = snapshot.WindowFor(stage, task.Subcommittee);
        if (mine && window is { IsOpen: true })
        {
            return QuestionnaireCard.Build(composer.ModelFor(snapshot, task, member, userId, text));
        }

        if (mine && window is { IsOpen: false })
        {
            return StageClosedCard.Build(new StageClosedCardModel(TaskSummary.From(task.Definition), stage, text));
        }

        var latest = Stages.Screening.LastOrDefault(s => task.State.OutcomeOf(s) is not null);
        if (task.State.OutcomeOf(latest) is { } outcome && outcome.AnsweredBy == email)
        {
            return Answered(snapshot, task, latest, userId, text);
        }

        var involved = Stages.Screening.Any(s => task.IsAssignee(s, email));
        return involved || member.IsSecretariat
            ? Stale(snapshot, task, StaleReason.Changed, text)
            : NotYourTaskCard.Build(new NotYourTaskCardModel(TaskSummary.From(task.Definition), text));
    }

    public AdaptiveCard Answered(ReviewSnapshot snapshot, ReviewTask task, Stage stage, string? userId, BotText text)
    {
        var outcome = task.State.OutcomeOf(stage)!;
        return AnsweredCard.Build(new AnsweredCardModel
        {
            Task = TaskSummary.From(task.Definition),
            Outcome = outcome,
            AnsweredByName = snapshot.NameOf(outcome.AnsweredBy),
            TimeZone = composer.Zone,
            AssigneeUserId = userId,
            Text = text,
        });
    }

    public AdaptiveCard Stale(ReviewSnapshot snapshot, ReviewTask task, StaleReason reason, BotText text) =>
        StaleCard.Build(new StaleCardModel
        {
            Task = TaskSummary.From(task.Definition),
            Reason = reason,
            CurrentStage = task.Stage,
            CurrentStageText = CardText.StageWithOutcome(task, text),
            LatestOutcome = LatestOutcome(task),
            TimeZone = composer.Zone,
            Text = text,
        });

    public static StageOutcome? LatestOutcome(ReviewTask task) =>
        Stages.Screening.Select(task.State.OutcomeOf).LastOrDefault(o => o is not null);
}
