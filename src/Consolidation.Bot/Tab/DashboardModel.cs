using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.Tab;

/// <summary>One bar of the funnel chart and one row of its table.</summary>
public sealed record FunnelBar(string Label, int Count, FunnelOutcome? Outcome);

/// <summary>A member with tasks waiting in open stages: how many, how many overdue, the earliest deadline.</summary>
public sealed record WaitingMember(string Name, string Email, int Waiting, int Overdue, DateTimeOffset EarliestDeadline);

/// <summary>A member the bot could not reach, why (the connector's code) and since when.</summary>
public sealed record UnreachableMember(string Name, string Email, string Reason, DateTimeOffset At);

/// <summary>
/// What the dashboard shows to one person, computed with the same review queries as the status answers and the
/// digest (<see cref="ReviewQueries"/>), so the figures agree. Lists the person may not see are empty.
/// </summary>
public sealed record DashboardModel(
    string ReviewName,
    DateTimeOffset Now,
    TabScope Scope,
    IReadOnlyList<FunnelBar> Funnel,
    IReadOnlyDictionary<Subcommittee, Funnel> BySubcommittee,
    IReadOnlyList<StageProgress> Progress,
    IReadOnlyList<WaitingMember> Waiting,
    IReadOnlyList<UnreachableMember> Unreachable,
    IReadOnlyDictionary<RevisitTrigger, IReadOnlyList<ReviewTask>> Revisit,
    IReadOnlyList<ReviewTask> OwnWaiting,
    IReadOnlyList<AuditEntry> Audit)
{
    /// <summary>How many audit entries the dashboard shows (the newest; the export has them all).</summary>
    public const int AuditShown = 30;

    public static DashboardModel Build(ReviewSnapshot snapshot, TabScope scope, IReadOnlyList<UnreachableMemberEntity> unreachable, IReadOnlyList<AuditEntry> audit, DateTimeOffset now, BotText text)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(unreachable);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(text);
        var tasks = snapshot.Tasks;
        var visible = scope.PeopleOf.Count == 0 ? [] : tasks.Where(t => scope.PeopleOf.Contains(t.Subcommittee)).ToList();
        // One pass over the waiting tasks (at 100,000 tasks the dashboard is drawn often): per assignee, how many, how many
        // past their stage's deadline, and the earliest deadline.
        var waiting = ReviewQueries.Unanswered(visible, snapshot.Windows)
            .GroupBy(x => x.Task.AssigneeFor(x.Task.Stage), StringComparer.Ordinal)
            .Select(g => new WaitingMember(
                snapshot.NameOf(g.Key), g.Key, g.Count(),
                g.Count(x => x.Window.Deadline < now), g.Min(x => x.Window.Deadline)))
            .OrderByDescending(w => w.Overdue).ThenByDescending(w => w.Waiting).ThenBy(w => w.Email, StringComparer.Ordinal)
            .ToList();
        // Only a lead's view filters the unreachable by the people of their subcommittees.
        var peopleEmails = scope.SeesEverything ? null : visible.SelectMany(t => Stages.Screening.Select(s => t.AssigneeFor(s)))
            .ToHashSet(StringComparer.Ordinal);
        var unreachableRows = unreachable
            .Where(u => peopleEmails is null || peopleEmails.Contains(u.Email))
            .Select(u => new UnreachableMember(snapshot.NameOf(u.Email), u.Email, u.Reason, u.At))
            .OrderBy(u => u.Email, StringComparer.Ordinal)
            .ToList();
        var own = ReviewQueries.Unanswered(tasks, snapshot.Windows)
            .Where(x => x.Task.IsAssignee(x.Task.Stage, scope.Member.Email))
            .Select(x => x.Task).OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        return new DashboardModel(
            snapshot.Name,
            now,
            scope,
            FunnelBars(ReviewQueries.Funnel(tasks), text),
            scope.SeesFigures ? ReviewQueries.FunnelBySubcommittee(tasks) : new Dictionary<Subcommittee, Funnel>(),
            scope.SeesFigures ? ReviewQueries.Progress(tasks, snapshot.Windows) : [],
            waiting,
            unreachableRows,
            scope.SeesFigures ? ReviewQueries.RevisitList(tasks) : new Dictionary<RevisitTrigger, IReadOnlyList<ReviewTask>>(),
            own,
            scope.SeesEverything ? [.. audit.OrderByDescending(a => a.At).Take(AuditShown).Select(a => a with { By = snapshot.NameOf(a.By) })] : []);
    }

    /// <summary>Inventory, then each stage's outcomes in the policy's words, in the funnel's order.</summary>
    private static List<FunnelBar> FunnelBars(Funnel f, BotText text)
    {
        var inventory = new FunnelBar(text[nameof(Strings.Digest_Inventory)], f.Inventory, null);
        return
        [
            inventory,
            Bar(FunnelOutcome.Kept, f.PreWgKept),
            Bar(FunnelOutcome.Excluded, f.PreWgExcluded),
            Bar(FunnelOutcome.StudyTarget, f.WgStudyTargets),
            Bar(FunnelOutcome.NotTarget, f.WgNotTargets),
            Bar(FunnelOutcome.Done, f.SuitabilityDone),
            Bar(FunnelOutcome.ContinueLater, f.SuitabilityContinueLater),
            Bar(FunnelOutcome.Closed, f.SuitabilityClosed),
        ];

        FunnelBar Bar(FunnelOutcome outcome, int count) => new(outcome.Name(text.IsJapanese), count, outcome);
    }
}
