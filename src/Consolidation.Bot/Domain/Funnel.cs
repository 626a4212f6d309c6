namespace Consolidation.Bot.Domain;

/// <summary>
/// The review's funnel (DOMAIN.md): inventory → pre-WG kept / excluded / pending → WG study targets / not / pending
/// → suitability done / continue later / closed / pending. "Pending" counts tasks that reached the stage (or wait
/// for it to open) without an outcome yet.
/// </summary>
public sealed record Funnel
{
    public int Inventory { get; init; }
    public int PreWgKept { get; init; }
    public int PreWgExcluded { get; init; }
    public int PreWgPending { get; init; }
    public int WgStudyTargets { get; init; }
    public int WgNotTargets { get; init; }
    public int WgPending { get; init; }
    public int SuitabilityDone { get; init; }
    public int SuitabilityContinueLater { get; init; }
    public int SuitabilityClosed { get; init; }
    public int SuitabilityPending { get; init; }

    public static Funnel Empty { get; } = new();

    public Funnel Add(ReviewTask task)
    {
        var s = task.State;
        var preWg = (s.PreWg?.Answer as PreWgAnswer)?.Decision;
        var wg = (s.Wg?.Answer as WgAnswer)?.Decision;
        var suitability = (s.Suitability?.Answer as SuitabilityAnswer)?.Decision;
        return this with
        {
            Inventory = Inventory + 1,
            PreWgKept = PreWgKept + (preWg == PreWgDecision.Keep ? 1 : 0),
            PreWgExcluded = PreWgExcluded + (preWg == PreWgDecision.Exclude ? 1 : 0),
            PreWgPending = PreWgPending + (preWg is null ? 1 : 0),
            WgStudyTargets = WgStudyTargets + (wg == WgDecision.StudyTarget ? 1 : 0),
            WgNotTargets = WgNotTargets + (wg == WgDecision.NotTarget ? 1 : 0),
            WgPending = WgPending + (preWg == PreWgDecision.Keep && wg is null ? 1 : 0),
            SuitabilityDone = SuitabilityDone + (suitability == SuitabilityDecision.Done ? 1 : 0),
            SuitabilityContinueLater = SuitabilityContinueLater + (suitability == SuitabilityDecision.ContinueLater ? 1 : 0),
            SuitabilityClosed = SuitabilityClosed + (suitability == SuitabilityDecision.Closed ? 1 : 0),
            SuitabilityPending = SuitabilityPending + (wg == WgDecision.StudyTarget && suitability is null ? 1 : 0),
        };
    }
}

/// <summary>Answered / assigned in one open stage of one subcommittee.</summary>
public sealed record StageProgress(Subcommittee Subcommittee, Stage Stage, int Answered, int Assigned, DateTimeOffset Deadline)
{
    public int Unanswered => Assigned - Answered;
}

/// <summary>Pure queries over task records, used by digests and status answers.</summary>
public static class ReviewQueries
{
    public static Funnel Funnel(IEnumerable<ReviewTask> tasks) => tasks.Aggregate(Domain.Funnel.Empty, (f, t) => f.Add(t));

    public static IReadOnlyDictionary<Subcommittee, Funnel> FunnelBySubcommittee(IEnumerable<ReviewTask> tasks)
    {
        var result = Subcommittees.All.ToDictionary(s => s, _ => Domain.Funnel.Empty);
        foreach (var task in tasks)
        {
            result[task.Subcommittee] = result[task.Subcommittee].Add(task);
        }

        return result;
    }

    /// <summary>For every open stage window: how many of the subcommittee's tasks that reached the stage are answered.</summary>
    public static IReadOnlyList<StageProgress> Progress(IReadOnlyCollection<ReviewTask> tasks, IEnumerable<StageWindow> windows) =>
        windows.Where(w => w.IsOpen)
            .OrderBy(w => w.Stage).ThenBy(w => w.Subcommittee)
            .Select(w =>
            {
                var inStage = tasks.Where(t => t.Subcommittee == w.Subcommittee && ReviewRules.Reached(t.State, w.Stage)).ToList();
                return new StageProgress(w.Subcommittee, w.Stage, inStage.Count(t => t.State.OutcomeOf(w.Stage) is not null), inStage.Count, w.Deadline);
            })
            .ToList();

    /// <summary>Tasks waiting for an answer in an open stage.</summary>
    public static IEnumerable<(ReviewTask Task, StageWindow Window)> Unanswered(IEnumerable<ReviewTask> tasks, IEnumerable<StageWindow> windows)
    {
        var open = windows.Where(w => w.IsOpen).ToDictionary(w => (w.Stage, w.Subcommittee));
        foreach (var task in tasks)
        {
            if (open.TryGetValue((task.Stage, task.Subcommittee), out var window))
            {
                yield return (task, window);
            }
        }
    }

    /// <summary>Unanswered tasks whose stage deadline has passed.</summary>
    public static IReadOnlyList<(ReviewTask Task, StageWindow Window)> Overdue(IEnumerable<ReviewTask> tasks, IEnumerable<StageWindow> windows, DateTimeOffset now) =>
        Unanswered(tasks, windows).Where(x => x.Window.Deadline < now).ToList();

    /// <summary>Per assignee (email), the tasks waiting for their answer in open stages.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<ReviewTask>> UnansweredByMember(IEnumerable<ReviewTask> tasks, IEnumerable<StageWindow> windows) =>
        Unanswered(tasks, windows)
            .GroupBy(x => Member.NormalizeEmail(x.Task.AssigneeFor(x.Task.Stage)), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ReviewTask>)g.Select(x => x.Task).OrderBy(t => t.Id, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

    /// <summary>"Continue later" tasks grouped by their revisit trigger.</summary>
    /// <summary>"Continue later" tasks whose revisit date has come (on or before <paramref name="today"/>, the review's day).</summary>
    public static IReadOnlyList<ReviewTask> RevisitDue(IEnumerable<ReviewTask> tasks, DateOnly today) =>
        tasks.Where(t => t.State.Suitability?.Answer is SuitabilityAnswer { Decision: SuitabilityDecision.ContinueLater, Trigger: RevisitTrigger.Date, RevisitDate: { } date } && date <= today)
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyDictionary<RevisitTrigger, IReadOnlyList<ReviewTask>> RevisitList(IEnumerable<ReviewTask> tasks) =>
        tasks.Where(t => t.State.Suitability?.Answer is SuitabilityAnswer { Decision: SuitabilityDecision.ContinueLater, Trigger: not null })
            .GroupBy(t => ((SuitabilityAnswer)t.State.Suitability!.Answer).Trigger!.Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ReviewTask>)g.OrderBy(t => t.Id, StringComparer.Ordinal).ToList());
}
