using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Demo;

/// <summary>
/// The answers that reproduce the seed's funnel (812 → 342 → 276 → 6 / 233 / 37) over the demo inventory, and a
/// helper that runs them through <see cref="ReviewRules"/> (pure: no storage, no clock).
/// </summary>
public static class SeedFunnelPlan
{
    /// <summary>
    /// One plan per task, in the tasks' order. Routine-looking tasks are likelier to be kept and to become study
    /// targets; the preceding-theme tasks are always kept, made study targets and continued later.
    /// </summary>
    public static IReadOnlyList<SeedTaskAnswers> Create(IReadOnlyList<TaskDefinition> tasks, int seed = DemoReview.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (tasks.Count != SeedFunnel.Inventory)
        {
            throw new ArgumentException($"The seed's funnel needs {SeedFunnel.Inventory} tasks, not {tasks.Count}.", nameof(tasks));
        }

        var traits = tasks.ToDictionary(t => t.Id, TaskTraits.Of, StringComparer.Ordinal);
        var kept = Top(tasks, SeedFunnel.PreWgKept, DemoRandom.For(seed, "prewg-rank"),
            t => (traits[t.Id].Routine ? 0.5 : 0) - (traits[t.Id].Judgement ? 0.6 : 0) - (traits[t.Id].Event ? 0.3 : 0));
        var study = Top(tasks.Where(t => kept.Contains(t.Id)).ToList(), SeedFunnel.WgStudyTargets, DemoRandom.For(seed, "wg-rank"),
            t => (t.StandardBusiness is null ? 0 : 0.3) + (traits[t.Id].Routine ? 0.3 : 0));
        var suitability = SuitabilityDecisions(tasks.Where(t => study.Contains(t.Id)), DemoRandom.For(seed, "suitability-rank"));

        var random = DemoRandom.For(seed, "answers");
        return tasks.Select(t => PlanFor(t, traits[t.Id], kept.Contains(t.Id), study.Contains(t.Id), suitability.GetValueOrDefault(t.Id), random)).ToList();
    }

    /// <summary>
    /// Runs a task's plan through the rules from a fresh state: <see cref="ReviewRules.EnterFirstStage"/>, then
    /// <see cref="ReviewRules.Answer"/> per stage, as <paramref name="assignee"/>, with the current version as the
    /// card version and the window of that stage and the task's subcommittee (an open one first). Every answer is
    /// given at <paramref name="now"/>. Stops at the first refusal and reports it.
    /// </summary>
    public static SeedApplication Apply(TaskDefinition task, SeedTaskAnswers plan, Member assignee, IReadOnlyCollection<StageWindow> windows, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(windows);
        if (!string.Equals(task.Id, plan.TaskId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The plan is for {plan.TaskId}, not {task.Id}.", nameof(plan));
        }

        var state = ReviewRules.EnterFirstStage(TaskState.New(task.Id), now);
        var outcomes = new List<StageOutcome>();
        foreach (var answer in plan.Answers)
        {
            var window = windows.Where(w => w.Stage == answer.Stage && w.Subcommittee == task.Subcommittee).OrderBy(w => w.IsOpen ? 0 : 1).FirstOrDefault();
            var result = ReviewRules.Answer(new ReviewTask(task, state), assignee, answer, state.Version, window, now);
            if (!result.Accepted || result.State is null)
            {
                return new SeedApplication(state, outcomes, result.Error);
            }

            state = result.State;
            outcomes.Add(state.OutcomeOf(answer.Stage)!);
        }

        return new SeedApplication(state, outcomes, DecisionError.None);
    }

    /// <summary>
    /// Open windows for the three screening stages of every subcommittee, one after the other: pre-WG from
    /// <paramref name="firstOpenedAt"/>, each lasting <paramref name="stageLength"/> (the deadline is its end).
    /// </summary>
    public static IReadOnlyList<StageWindow> Windows(DateTimeOffset firstOpenedAt, TimeSpan stageLength) =>
        Stages.Screening.SelectMany((stage, i) => Subcommittees.All.Select(s => new StageWindow
        {
            Stage = stage,
            Subcommittee = s,
            OpenedAt = firstOpenedAt + (stageLength * i),
            Deadline = firstOpenedAt + (stageLength * (i + 1)),
        })).ToList();

    private static SeedTaskAnswers PlanFor(TaskDefinition task, TaskTraits traits, bool kept, bool study, SuitabilityDecision suitability, DemoRandom random)
    {
        if (!kept)
        {
            return new SeedTaskAnswers(task.Id, SeedAnswers.Exclude(task, traits, random), null, null);
        }

        var preWg = SeedAnswers.Keep(task, traits, random);
        if (!study)
        {
            return new SeedTaskAnswers(task.Id, preWg, SeedAnswers.NotTarget(random), null);
        }

        var wg = SeedAnswers.StudyTarget(task, traits, random);
        var answer = suitability switch
        {
            SuitabilityDecision.Done => SeedAnswers.Done(wg),
            SuitabilityDecision.Closed => SeedAnswers.Closed(preWg, random),
            _ => SeedAnswers.ContinueLater(task, random),
        };
        return new SeedTaskAnswers(task.Id, preWg, wg, answer);
    }

    /// <summary>The ids of the <paramref name="count"/> tasks with the highest score (bias plus a seeded draw); theme tasks always make it.</summary>
    private static HashSet<string> Top(IReadOnlyList<TaskDefinition> tasks, int count, DemoRandom random, Func<TaskDefinition, double> bias) =>
        tasks.Select(t => (t.Id, Score: random.NextDouble() + bias(t) + (t.Theme is null ? 0 : 10)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.Id)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Done for 6 and closed for 37 drawn from the non-theme study targets; continue later for the rest.</summary>
    private static Dictionary<string, SuitabilityDecision> SuitabilityDecisions(IEnumerable<TaskDefinition> studyTargets, DemoRandom random)
    {
        var ordered = studyTargets.Select(t => (t.Id, Theme: t.Theme is not null, Draw: random.NextDouble()))
            .OrderBy(x => x.Theme).ThenBy(x => x.Draw).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Select(x => x.Id)
            .ToList();
        return ordered.Select((id, i) => (id, Decision: i < SeedFunnel.SuitabilityDone ? SuitabilityDecision.Done
                : i < SeedFunnel.SuitabilityDone + SeedFunnel.SuitabilityClosed ? SuitabilityDecision.Closed
                : SuitabilityDecision.ContinueLater))
            .ToDictionary(x => x.id, x => x.Decision, StringComparer.Ordinal);
    }
}

/// <summary>The demo review with the seed's funnel played, in memory (pure): what <c>demo --play-seed-funnel</c> stores.</summary>
public static class SeedFunnelReview
{
    /// <summary>The 812 demo tasks answered to the seed's funnel at <paramref name="now"/>, with open stage windows from a week before.</summary>
    public static Review.ReviewSnapshot Snapshot(DateTimeOffset now, string reviewId = "demo", string name = "令和8年度 区役所業務集約化検討")
    {
        var data = DemoReview.Create();
        var windows = SeedFunnelPlan.Windows(now.AddDays(-7), TimeSpan.FromDays(30));
        var tasks = data.Tasks.Zip(SeedFunnelPlan.Create(data.Tasks), (t, p) => new ReviewTask(t, SeedFunnelPlan.Apply(t, p,
            data.Members.Single(m => m.Email == t.Assignee), windows, now).State)).ToList();
        return new Review.ReviewSnapshot(reviewId, name, 1, tasks, data.Members, windows);
    }
}
