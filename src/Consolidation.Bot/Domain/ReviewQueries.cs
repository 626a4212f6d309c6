namespace Consolidation.Bot.Domain;

/// <summary>Pure queries over task records, used by digests and status answers.</summary>
public static class ReviewQueries
{
    /// <summary>Counted in one pass without allocating per task (a status question at 100,000 tasks counts often).</summary>
    public static Funnel Funnel(IEnumerable<ReviewTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var tally = new FunnelTally(Domain.Funnel.Empty);
        foreach (var task in tasks)
        {
            tally.Count(task);
        }

        return tally.ToFunnel();
    }

    public static IReadOnlyDictionary<Subcommittee, Funnel> FunnelBySubcommittee(IEnumerable<ReviewTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var tallies = Subcommittees.All.ToDictionary(s => s, _ => new FunnelTally(Domain.Funnel.Empty));
        foreach (var task in tasks)
        {
            tallies[task.Subcommittee].Count(task);
        }

        return tallies.ToDictionary(kv => kv.Key, kv => kv.Value.ToFunnel());
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
            .GroupBy(x => x.Task.AssigneeFor(x.Task.Stage), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ReviewTask>)g.Select(x => x.Task).OrderBy(t => t.Id, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

    /// <summary>
    /// The tasks waiting for the view of <paramref name="contact"/>'s bureau (<see cref="ReviewRules.RecordBureauView"/>):
    /// of that bureau, at WG in this round or answered there, WG open for the subcommittee, no view yet; nearest deadline first.
    /// </summary>
    public static IReadOnlyList<ReviewTask> AwaitingBureauView(IEnumerable<ReviewTask> tasks, IEnumerable<StageWindow> windows, Member contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (!contact.HasRole(MemberRole.Bureau))
        {
            return [];
        }

        var open = windows.Where(w => w.Stage == Stage.Wg && w.IsOpen).ToDictionary(w => w.Subcommittee);
        return tasks
            .Where(t => t.State.BureauView is null && t.Stage != Stage.PreWg && ReviewRules.Reached(t.State, Stage.Wg)
                && open.ContainsKey(t.Subcommittee) && contact.IsBureauContactFor(t.Definition))
            .OrderBy(t => open[t.Subcommittee].Deadline).ThenBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The bureau contacts (normalised emails) with any of <paramref name="tasks"/> waiting for their view.</summary>
    public static IReadOnlyList<string> BureauContactsAwaited(IReadOnlyCollection<ReviewTask> tasks, IReadOnlyCollection<StageWindow> windows, IEnumerable<Member> members) =>
        members.Where(m => AwaitingBureauView(tasks, windows, m).Count > 0).Select(m => m.Email).ToList();

    /// <summary>"Continue later" tasks whose revisit date has come (on or before <paramref name="today"/>, the review's day).</summary>
    public static IReadOnlyList<ReviewTask> RevisitDue(IEnumerable<ReviewTask> tasks, DateOnly today) => RevisitCandidates(tasks, RevisitTrigger.Date, today);

    /// <summary>The tasks a revisit event with <paramref name="trigger"/> takes up again (<see cref="ReviewRules.WaitsFor"/>), by id.</summary>
    public static IReadOnlyList<ReviewTask> RevisitCandidates(IEnumerable<ReviewTask> tasks, RevisitTrigger trigger, DateOnly today) =>
        tasks.Where(t => ReviewRules.WaitsFor(t.State, trigger, today)).OrderBy(t => t.Id, StringComparer.Ordinal).ToList();

    /// <summary>"Continue later" tasks grouped by their revisit trigger (those not taken up again yet).</summary>
    public static IReadOnlyDictionary<RevisitTrigger, IReadOnlyList<ReviewTask>> RevisitList(IEnumerable<ReviewTask> tasks) =>
        tasks.Where(t => t.Stage == Stage.Closed && t.State.Suitability?.Answer is SuitabilityAnswer { Decision: SuitabilityDecision.ContinueLater, Trigger: not null })
            .GroupBy(t => ((SuitabilityAnswer)t.State.Suitability!.Answer).Trigger!.Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ReviewTask>)g.OrderBy(t => t.Id, StringComparer.Ordinal).ToList());
}
