using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review;

namespace Consolidation.Bot.Cards.Digest;

/// <summary>Computes a digest from a review snapshot with the pure review queries (no storage, no clock).</summary>
public static class DigestComposer
{
    /// <summary>How many late members the digest names.</summary>
    public const int WorstFew = 3;

    /// <summary>How many upcoming deadlines the digest lists.</summary>
    public const int NextFew = 5;

    public static DigestFigures Figures(ReviewSnapshot snapshot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new DigestFigures
        {
            Funnel = ReviewQueries.Funnel(snapshot.Tasks),
            Answered = snapshot.Tasks.Sum(t => Stages.Screening.Count(s => t.State.OutcomeOf(s) is not null)),
            At = now,
        };
    }

    public static DigestModel Compose(ReviewSnapshot snapshot, DateTimeOffset now, TimeZoneInfo zone, DigestFigures? previous, BotText text,
        IReadOnlyList<Review.Storage.ThemeDirection>? themeDirections = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var progress = ReviewQueries.Progress(snapshot.Tasks, snapshot.Windows)
            .Select(p => new DigestProgressRow(p.Subcommittee, p.Stage, p.Answered, p.Assigned, p.Deadline))
            .ToList();
        var overdue = ReviewQueries.Overdue(snapshot.Tasks, snapshot.Windows, now);
        var lateByMember = overdue
            .GroupBy(x => x.Task.AssigneeFor(x.Task.Stage), StringComparer.Ordinal)
            .Select(g => new DigestLateMember(snapshot.NameOf(g.Key), g.Count()))
            .OrderByDescending(m => m.Count).ThenBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
        return new DigestModel
        {
            ThemeDirections = themeDirections ?? [],
            Rounds = RoundFigures.Of(snapshot.Tasks),
            BureauViews = BureauViewFigures.Of(snapshot.Tasks as IReadOnlyCollection<ReviewTask> ?? [.. snapshot.Tasks], snapshot.Windows, snapshot.Members),
            ReviewName = snapshot.Name,
            AsOf = now,
            Zone = zone,
            Current = Figures(snapshot, now),
            Previous = previous,
            Progress = progress,
            OverdueTasks = overdue.Count,
            OverdueMembers = lateByMember.Count,
            WorstLate = lateByMember.Take(WorstFew).ToList(),
            NextDeadlines = progress.Where(p => p.Deadline >= now).OrderBy(p => p.Deadline).ThenBy(p => p.Subcommittee).Take(NextFew).ToList(),
            Text = text,
        };
    }
}
