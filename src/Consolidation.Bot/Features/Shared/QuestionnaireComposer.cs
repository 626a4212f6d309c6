using Consolidation.Bot.Cards;
using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Conversations;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Hosting;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Features;

/// <summary>
/// Loads what the questionnaire cards show from a review snapshot (the handlers' side of the pure card builders):
/// a member's open tasks in order, the card model with its progress, and the texts in the right language.
/// </summary>
public sealed class QuestionnaireComposer(IOptions<ReviewOptions> review)
{
    public TimeZoneInfo Zone { get; } = review.Value.Zone;

    /// <summary>The forced locale when configured, else the member's.</summary>
    public BotText TextFor(string? locale) => new(BotCultures.FromLocale(string.IsNullOrEmpty(review.Value.Locale) ? locale : review.Value.Locale));

    /// <summary>The member's tasks waiting for their answer in open stages, nearest deadline first, then by id.</summary>
    public static IReadOnlyList<ReviewTask> OpenTasksOf(ReviewSnapshot snapshot, string email)
    {
        var key = Member.NormalizeEmail(email);
        return ReviewQueries.Unanswered(snapshot.Tasks, snapshot.Windows)
            .Where(x => x.Task.IsAssignee(x.Task.Stage, key))
            .OrderBy(x => x.Window.Deadline).ThenBy(x => x.Task.Id, StringComparer.Ordinal)
            .Select(x => x.Task)
            .ToList();
    }

    /// <summary>The card model for <paramref name="task"/> in its current stage; progress counts the member's tasks of that stage.</summary>
    public QuestionnaireCardModel ModelFor(ReviewSnapshot snapshot, ReviewTask task, Member member, string? userId, BotText text)
    {
        var stage = task.Stage;
        var window = snapshot.WindowFor(stage, task.Subcommittee)
            ?? throw new InvalidOperationException($"Stage {stage} is not open for {task.Subcommittee}.");
        var (answered, total) = Progress(snapshot, stage, member);
        return QuestionnaireCardModel.For(task.Definition, stage, window.Deadline, Zone, answered + 1, Math.Max(total, answered + 1), task.State.Version, userId, text) with
        {
            ReviewId = snapshot.ReviewId,
            Round = task.State.Round,
            EarlierRound = CardText.EarlierRound(task.State, text),
        };
    }

    /// <summary>The プレWG batch card of <paramref name="tasks"/> (in this order); the deadline shown is the nearest of their windows.</summary>
    public BatchCardModel BatchModelFor(ReviewSnapshot snapshot, IReadOnlyList<ReviewTask> tasks, Member member, BotText text)
    {
        var (answered, total) = Progress(snapshot, Stage.PreWg, member);
        return new BatchCardModel
        {
            Rows = [.. tasks.Select(t => new BatchRow(TaskSummary.From(t.Definition), t.State.Version))],
            Deadline = tasks.Min(t => snapshot.WindowFor(Stage.PreWg, t.Subcommittee)?.Deadline
                ?? throw new InvalidOperationException($"プレWG is not open for {t.Subcommittee}.")),
            TimeZone = Zone,
            Answered = answered,
            Total = total,
            ReviewId = snapshot.ReviewId,
            Text = text,
        };
    }

    /// <summary>The bureau view card of <paramref name="task"/> at WG: its 担当区長 (and their decision once given), the WG deadline.</summary>
    public BureauViewCardModel BureauViewModelFor(ReviewSnapshot snapshot, ReviewTask task, BotText text) => new()
    {
        Task = TaskSummary.From(task.Definition),
        AssigneeName = snapshot.NameOf(task.AssigneeFor(Stage.Wg)),
        WardHeadDecision = task.State.Wg?.Answer is { } answer ? CardText.Decision(answer, text) : null,
        Deadline = snapshot.WindowFor(Stage.Wg, task.Subcommittee)?.Deadline ?? throw new InvalidOperationException($"WG is not open for {task.Subcommittee}."),
        TimeZone = Zone,
        Round = task.State.Round,
        ReviewId = snapshot.ReviewId,
        Text = text,
    };

    public Attachment BureauViewAttachment(ReviewSnapshot snapshot, ReviewTask task, string? locale) =>
        CardAttachment.From(BureauViewCard.Build(BureauViewModelFor(snapshot, task, TextFor(locale))));

    public Attachment BatchAttachment(ReviewSnapshot snapshot, IReadOnlyList<ReviewTask> tasks, Member member, string? locale) =>
        CardAttachment.From(BatchCard.Build(BatchModelFor(snapshot, tasks, member, TextFor(locale))));

    /// <summary>The member's tasks of <paramref name="stage"/> in open windows: how many they answered, and all of them.</summary>
    private static (int Answered, int Total) Progress(ReviewSnapshot snapshot, Stage stage, Member member)
    {
        var key = member.Email;
        var mine = snapshot.Tasks
            .Where(t => ReviewRules.Reached(t.State, stage) && t.IsAssignee(stage, key)
                && snapshot.WindowFor(stage, t.Subcommittee) is { IsOpen: true })
            .ToList();
        return (mine.Count(t => t.State.OutcomeOf(stage) is not null), mine.Count);
    }

    public Attachment QuestionnaireAttachment(ReviewSnapshot snapshot, ReviewTask task, Member member, string? userId, string? locale) =>
        CardAttachment.From(QuestionnaireCard.Build(ModelFor(snapshot, task, member, userId, TextFor(locale))));

    public MyTasksCardModel MyTasksModel(ReviewSnapshot snapshot, Member member, DateTimeOffset now, BotText text) =>
        new(OpenTasksOf(snapshot, member.Email)
                .Select(t => (Task: t, Deadline: snapshot.WindowFor(t.Stage, t.Subcommittee)!.Deadline))
                .Select(x => new MyTaskRow(x.Task.Id, x.Task.Definition.Name, x.Task.Stage, x.Deadline, x.Deadline < now))
                .ToList(),
            Zone, text);

    /// <summary>For the secretariat: who was not reached, the connector's reason, and what to do about it (as the tab says).</summary>
    public string UnreachableText(Member member, string reason)
    {
        var text = TextFor(null);
        return text.Format(nameof(Strings.Unreachable_Report), member.Name, member.Email, reason, text[UnreachableFixes.KeyFor(reason)]);
    }
}
