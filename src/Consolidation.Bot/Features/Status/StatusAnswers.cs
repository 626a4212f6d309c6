using Consolidation.Bot.Cards;
using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Cards.Status;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Status.Understanding;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review;

namespace Consolidation.Bot.Features.Status;

/// <summary>
/// Answers to status questions, computed from a review snapshot with the pure review queries (no storage, no clock):
/// each returns the card model (numbers first, then the names that matter).
/// </summary>
public sealed class StatusAnswers(ReviewSnapshot snapshot, DateTimeOffset now, TimeZoneInfo zone, BotText text)
{
    private bool Ja => text.IsJapanese;

    /// <summary>
    /// The answer to a recognised question that needs nothing but the snapshot; null for the kinds that read more (a task's
    /// history, the asker's own tasks), which the handler answers itself.
    /// </summary>
    public StatusCardModel? Compose(StatusIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (intent.Bureau is not null || intent.Member is not null)
        {
            // The same answer over the bureau's or the person's tasks only; one the review does not have is said, never guessed.
            var (narrowed, prefix, refusal) = StatusScope.Narrow(intent, snapshot, text);
            if (refusal is not null)
            {
                return refusal with { Note = AsOf() };
            }

            var model = new StatusAnswers(narrowed!, now, zone, text).Compose(intent with { Bureau = null, Member = null });
            return model is null ? null : model with { Title = $"{prefix}: {model.Title}" };
        }

        if (intent.Compare is not null)
        {
            return CompareAnswers.Build(intent, snapshot, now, text);
        }

        if (intent.Destination is { } destination)
        {
            return Destination(destination, intent.Subcommittee);
        }

        return intent.Kind switch
        {
            StatusIntentKind.Subcommittee => Subcommittee(intent.Subcommittee!.Value, intent.Stage, intent.Deadlines),
            StatusIntentKind.Stage => Stage(intent.Stage!.Value, intent.Deadlines),
            StatusIntentKind.Overdue => Overdue(intent.Subcommittee, intent.Stage, intent.Deadlines),
            StatusIntentKind.NotAnswered => NotAnswered(intent.Subcommittee, intent.Stage, intent.Deadlines),
            StatusIntentKind.Revisit => Revisit(intent.Subcommittee, intent.Trigger),
            StatusIntentKind.Outcome when intent.Outcome is { } outcome => Outcome(outcome, intent.Subcommittee, intent.List),
            StatusIntentKind.Task or StatusIntentKind.MyTasks or StatusIntentKind.Help => null,
            _ => Overall(intent.Deadlines),
        };
    }

    public StatusCardModel Overall(DateRange? deadlines)
    {
        var windows = Windows(null, null, deadlines);
        var progress = ReviewQueries.Progress(snapshot.Tasks, windows);
        var overdue = ReviewQueries.Overdue(snapshot.Tasks, windows, now);
        return new StatusCardModel(
            text[nameof(Strings.Status_OverallTitle)],
            [
                .. FunnelText.Facts(ReviewQueries.Funnel(snapshot.Tasks), text),
                new Fact(text[nameof(Strings.Status_OpenStages)], progress.Count == 0 ? text[nameof(Strings.Status_None)]
                    : AnsweredOf(progress)),
                new Fact(text[nameof(Strings.Status_Overdue)], text.Format(nameof(Strings.Status_Count), overdue.Count)),
            ],
            progress.Count == 0 ? null : text[nameof(Strings.Status_BySubcommittee)],
            progress.Select(ProgressLine).ToList(),
            AsOf(),
            text);
    }

    public StatusCardModel Subcommittee(Subcommittee subcommittee, Stage? stage, DateRange? deadlines)
    {
        var tasks = snapshot.Tasks.Where(t => t.Subcommittee == subcommittee).ToList();
        var windows = Windows(subcommittee, stage, deadlines);
        var progress = ReviewQueries.Progress(tasks, windows);
        var overdue = ReviewQueries.Overdue(tasks, windows, now);
        return new StatusCardModel(
            text.Format(nameof(Strings.Status_SubcommitteeTitle), subcommittee.Name(Ja)),
            [
                .. FunnelText.Facts(ReviewQueries.Funnel(tasks), text),
                .. progress.Select(p => new Fact(text.Format(nameof(Strings.Status_StageAnswers), p.Stage.Name(Ja)), AnsweredWithDeadline(p))),
                new Fact(text[nameof(Strings.Status_Overdue)], text.Format(nameof(Strings.Status_Count), overdue.Count)),
            ],
            text[nameof(Strings.Status_NotAnsweredByMember)],
            UnansweredByMember(tasks, windows),
            AsOf(),
            text);
    }

    public StatusCardModel Stage(Stage stage, DateRange? deadlines)
    {
        var windows = Windows(null, stage, deadlines);
        var progress = ReviewQueries.Progress(snapshot.Tasks, windows);
        return new StatusCardModel(
            text.Format(nameof(Strings.Status_StageTitle), stage.Name(Ja)),
            progress.Count == 0
                ? [new Fact(stage.Name(Ja), text[nameof(Strings.Status_StageNotOpen)])]
                :
                [
                    .. progress.Select(p => new Fact(p.Subcommittee.Name(Ja), AnsweredWithDeadline(p))),
                    new Fact(text[nameof(Strings.Status_Total)], AnsweredOf(progress)),
                ],
            progress.Count == 0 ? null : text[nameof(Strings.Status_NotAnsweredByMember)],
            UnansweredByMember(snapshot.Tasks, windows),
            AsOf(),
            text);
    }

    public StatusCardModel Overdue(Subcommittee? subcommittee, Stage? stage, DateRange? deadlines)
    {
        var overdue = ReviewQueries.Overdue(snapshot.Tasks, Windows(subcommittee, stage, deadlines), now)
            .OrderBy(x => x.Window.Deadline).ThenBy(x => x.Task.Id, StringComparer.Ordinal).ToList();
        var members = overdue.Select(x => x.Task.AssigneeFor(x.Task.Stage)).Distinct(StringComparer.Ordinal).Count();
        return new StatusCardModel(
            Scoped(nameof(Strings.Status_OverdueTitle), subcommittee),
            [
                new Fact(text[nameof(Strings.Status_Tasks)], text.Format(nameof(Strings.Status_Count), overdue.Count)),
                new Fact(text[nameof(Strings.Status_Members)], text.Format(nameof(Strings.Status_People), members)),
            ],
            overdue.Count == 0 ? null : text[nameof(Strings.Status_OverdueList)],
            overdue.Select(x => text.Format(nameof(Strings.Status_OverdueLine), x.Task.Id, x.Task.Definition.Name, snapshot.NameOf(x.Task.AssigneeFor(x.Task.Stage)), Local(x.Window.Deadline))).ToList(),
            AsOf(),
            text);
    }

    public StatusCardModel NotAnswered(Subcommittee? subcommittee, Stage? stage, DateRange? deadlines)
    {
        var windows = Windows(subcommittee, stage, deadlines);
        var unanswered = ReviewQueries.Unanswered(snapshot.Tasks, windows).ToList();
        var byMember = UnansweredByMember(snapshot.Tasks, windows);
        return new StatusCardModel(
            Scoped(nameof(Strings.Status_NotAnsweredTitle), subcommittee),
            [
                new Fact(text[nameof(Strings.Status_Members)], text.Format(nameof(Strings.Status_People), byMember.Count)),
                new Fact(text[nameof(Strings.Status_Tasks)], text.Format(nameof(Strings.Status_Count), unanswered.Count)),
            ],
            byMember.Count == 0 ? null : text[nameof(Strings.Status_NotAnsweredByMember)],
            byMember,
            AsOf(),
            text);
    }

    public StatusCardModel Revisit(Subcommittee? subcommittee, RevisitTrigger? trigger = null)
    {
        var scoped = snapshot.Tasks.Where(t => (subcommittee is null || t.Subcommittee == subcommittee)
            && (trigger is null || t.State.Suitability?.Answer is SuitabilityAnswer { Trigger: var tr } && tr == trigger)).ToList();
        var list = ReviewQueries.RevisitList(scoped);
        var ordered = list.OrderByDescending(g => g.Value.Count).ThenBy(g => g.Key).ToList();
        // A revisit date that has come puts the task first on the list, marked (the secretariat acts on it).
        var due = ReviewQueries.RevisitDue(scoped, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime));
        var dueIds = due.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        return new StatusCardModel(
            Scoped(nameof(Strings.Status_RevisitTitle), subcommittee),
            [
                .. ordered.Select(g => new Fact(g.Key.Name(Ja), text.Format(nameof(Strings.Status_Count), g.Value.Count))),
                new Fact(text[nameof(Strings.Status_Total)], text.Format(nameof(Strings.Status_Count), ordered.Sum(g => g.Value.Count))),
                new Fact(text[nameof(Strings.Status_RevisitDue)], text.Format(nameof(Strings.Status_Count), due.Count)),
            ],
            ordered.Count == 0 ? null : text[nameof(Strings.Status_RevisitList)],
            [
                .. due.Select(t => text.Format(nameof(Strings.Status_RevisitDueLine), t.Id, t.Definition.Name)),
                .. ordered.SelectMany(g => g.Value.Where(t => !dueIds.Contains(t.Id)).Select(t => text.Format(nameof(Strings.Status_RevisitLine), t.Id, t.Definition.Name, g.Key.Name(Ja)))),
            ],
            AsOf(),
            text);
    }

    /// <summary>
    /// How many tasks have <paramref name="outcome"/>, first and in words (<c>プレWGで除外: 470件（全812件中）</c>), then by
    /// subcommittee when none was named, then the tasks themselves (all of them when a list was asked for).
    /// </summary>
    public StatusCardModel Outcome(FunnelOutcome outcome, Subcommittee? subcommittee, bool list)
    {
        var scoped = snapshot.Tasks.Where(t => subcommittee is null || t.Subcommittee == subcommittee).ToList();
        var matching = scoped.Where(t => t.Has(outcome)).OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        var reached = scoped.Count(t => t.Reached(outcome));
        var label = outcome.Name(Ja);
        var count = text.Format(nameof(Strings.Status_OutcomeCount), matching.Count, reached);
        var bySubcommittee = subcommittee is not null ? [] : Subcommittees.All
            .Select(s => new Fact(s.Name(Ja), text.Format(nameof(Strings.Status_Count), matching.Count(t => t.Subcommittee == s))));
        return new StatusCardModel(
            subcommittee is null ? label : $"{subcommittee.Value.Name(Ja)}: {label}",
            [new Fact(label, count), .. bySubcommittee],
            matching.Count == 0 ? null : text[nameof(Strings.Status_RevisitList)],
            matching.Select(t => $"{t.Id} {t.Definition.Name}").ToList(),
            AsOf(),
            text);
    }

    /// <summary>How many WG study targets go to <paramref name="destination"/> (集約先), of all study targets, and which.</summary>
    public StatusCardModel Destination(Destination destination, Subcommittee? subcommittee)
    {
        var targets = snapshot.Tasks.Where(t => (subcommittee is null || t.Subcommittee == subcommittee) && t.Has(FunnelOutcome.StudyTarget)).ToList();
        var going = targets.Where(t => (t.State.Wg?.Answer as WgAnswer)?.Destination == destination).OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        var title = text.Format(nameof(Strings.Status_DestinationTitle), destination.Name(Ja));
        return new StatusCardModel(
            subcommittee is null ? title : $"{subcommittee.Value.Name(Ja)}: {title}",
            [new Fact(text.Format(nameof(Strings.Status_DestinationFigure), destination.Name(Ja)), text.Format(nameof(Strings.Status_OutcomeCount), going.Count, targets.Count))],
            going.Count == 0 ? null : text[nameof(Strings.Status_RevisitList)],
            [.. going.Select(t => $"{t.Id} {t.Definition.Name}")],
            AsOf(),
            text);
    }

    /// <summary>One task's record and history; null when no task has that id.</summary>
    public StatusCardModel? Task(string taskId, IReadOnlyList<HistoryEntry> history)
    {
        var task = snapshot.Tasks.FirstOrDefault(t => string.Equals(t.Id, taskId, StringComparison.OrdinalIgnoreCase));
        if (task is null)
        {
            return null;
        }

        var d = task.Definition;
        var outcomes = Stages.Screening.Select(s => (Stage: s, Outcome: task.State.OutcomeOf(s))).Where(x => x.Outcome is not null)
            .Select(x => new Fact(x.Stage.Name(Ja), text.Format(nameof(Strings.Status_OutcomeValue), CardText.Decision(x.Outcome!.Answer, text), snapshot.NameOf(x.Outcome.AnsweredBy), Local(x.Outcome.AnsweredAt))));
        return new StatusCardModel(
            $"{d.Id} {d.Name}",
            [
                new Fact(text[nameof(Strings.Card_Subcommittee)], d.Subcommittee.Name(Ja)),
                new Fact(text[nameof(Strings.Card_Bureau)], d.Bureau),
                new Fact(text[nameof(Strings.Card_Stage)], CardText.StageWithOutcome(task, text)),
                new Fact(text[nameof(Strings.Status_Assignee)], snapshot.NameOf(task.AssigneeFor(task.Stage))),
                .. outcomes,
                .. task.State.BureauView is { } view ? [new Fact(text[nameof(Strings.BureauView_Question)], text.Format(nameof(Strings.Status_OutcomeValue),
                    CardText.Decision(view.Answer, text), snapshot.NameOf(view.AnsweredBy), Local(view.AnsweredAt)))] : Array.Empty<Fact>(),
            ],
            history.Count == 0 ? null : text[nameof(Strings.Status_History)],
            history.OrderByDescending(h => h.At).Select(h => text.Format(nameof(Strings.Status_HistoryLine), Local(h.At), h.Stage.Name(Ja), h.Kind.Name(Ja), snapshot.NameOf(h.By),
                h.Answer is null ? "" : CardText.Decision(h.Answer, text))).ToList(),
            null,
            text);
    }

    /// <summary>Tasks whose name contains <paramref name="fragment"/> (ids and names), for a question naming a task by name.</summary>
    public IReadOnlyList<ReviewTask> FindByName(string fragment) =>
        snapshot.Tasks.Where(t => t.Definition.Name.Contains(fragment, StringComparison.OrdinalIgnoreCase)).ToList();

    public StatusCardModel Matches(string fragment, IReadOnlyList<ReviewTask> matches) => new(
        text.Format(nameof(Strings.Status_MatchesTitle), fragment, matches.Count),
        [],
        text[nameof(Strings.Status_MatchesHint)],
        matches.Select(t => $"{t.Id} {t.Definition.Name}（{t.Subcommittee.Name(Ja)}）").ToList(),
        null,
        text);

    /// <summary>The open windows a question is about (subcommittee, stage, deadlines in a local date range).</summary>
    private List<StageWindow> Windows(Subcommittee? subcommittee, Stage? stage, DateRange? deadlines) =>
        snapshot.Windows.Where(w => w.IsOpen && (subcommittee is null || w.Subcommittee == subcommittee) && (stage is null || w.Stage == stage)
            && (deadlines is null || deadlines.Contains(DateOnly.FromDateTime(Local(w.Deadline))))).ToList();

    private List<string> UnansweredByMember(IEnumerable<ReviewTask> tasks, IEnumerable<StageWindow> windows) =>
        ReviewQueries.Unanswered(tasks, windows)
            .GroupBy(x => x.Task.AssigneeFor(x.Task.Stage), StringComparer.Ordinal)
            .Select(g => (Name: snapshot.NameOf(g.Key), Count: g.Count(), Nearest: g.Min(x => x.Window.Deadline)))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Nearest).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => text.Format(nameof(Strings.Status_MemberLine), x.Name, x.Count, Local(x.Nearest)))
            .ToList();

    private string AnsweredOf(IReadOnlyList<StageProgress> progress)
    {
        var (answered, assigned) = (progress.Sum(p => p.Answered), progress.Sum(p => p.Assigned));
        return text.Format(nameof(Strings.Status_AnsweredOf), answered, assigned, FunnelText.Percent(answered, assigned));
    }

    private string ProgressLine(StageProgress p) =>
        text.Format(nameof(Strings.Status_ProgressLine), p.Subcommittee.Name(Ja), p.Stage.Name(Ja), AnsweredWithDeadline(p));

    private string AnsweredWithDeadline(StageProgress p) =>
        text.Format(nameof(Strings.Status_AnsweredDeadline), p.Answered, p.Assigned, FunnelText.Percent(p.Answered, p.Assigned), Local(p.Deadline));

    private string Scoped(string titleKey, Subcommittee? subcommittee) =>
        text.Format(titleKey, subcommittee is null ? text[nameof(Strings.Status_AllSubcommittees)] : subcommittee.Value.Name(Ja));

    private string AsOf() => text.Format(nameof(Strings.Status_AsOf), Local(now));

    private DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;
}
