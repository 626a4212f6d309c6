using System.Globalization;
using Consolidation.Bot.Cards.Status;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Status.Understanding;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review;
using Fact = Consolidation.Bot.Cards.Model.Fact;

namespace Consolidation.Bot.Features.Status;

/// <summary>
/// A comparison across the five subcommittees (issue 17): the winner named first with its figure, then all five ranked.
/// Counts (non-responders' tasks, overdue tasks, an outcome) compare by most or fewest; answering progress (answered of
/// assigned in the open stages) by furthest ahead or behind. Ties name every subcommittee that shares the figure.
/// </summary>
public static class CompareAnswers
{
    public static StatusCardModel Build(StatusIntent intent, ReviewSnapshot snapshot, DateTimeOffset now, BotText text)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(snapshot);
        var ja = text.IsJapanese;
        var progress = intent.Kind is StatusIntentKind.Overall or StatusIntentKind.Stage or StatusIntentKind.Subcommittee;
        var rows = Subcommittees.All.Select(s => (Subcommittee: s, Value: Figure(intent, snapshot, s, now))).ToList();
        var best = intent.Compare == CompareKind.Fewest ? rows.Min(r => r.Value) : rows.Max(r => r.Value);
        var winners = string.Join(ja ? "、" : ", ", rows.Where(r => r.Value == best).Select(r => r.Subcommittee.Name(ja)));
        var label = Label(intent, text);
        var title = progress
            ? text.Format(intent.Compare == CompareKind.Fewest ? nameof(Strings.Status_CompareBehind) : nameof(Strings.Status_CompareAhead), winners, Show(best, progress, text))
            : text.Format(intent.Compare == CompareKind.Fewest ? nameof(Strings.Status_CompareFewest) : nameof(Strings.Status_CompareMost), label, winners, Show(best, progress, text));
        var ranked = (intent.Compare == CompareKind.Fewest ? rows.OrderBy(r => r.Value) : rows.OrderByDescending(r => r.Value))
            .Select(r => new Fact(r.Subcommittee.Name(ja), Show(r.Value, progress, text))).ToList();
        return new StatusCardModel(title, ranked, null, [], label, text);
    }

    /// <summary>The subcommittee's figure: a count, or the share answered (0 to 1) for progress.</summary>
    private static double Figure(StatusIntent intent, ReviewSnapshot snapshot, Subcommittee subcommittee, DateTimeOffset now)
    {
        var tasks = snapshot.Tasks.Where(t => t.Subcommittee == subcommittee).ToList();
        var windows = snapshot.Windows.Where(w => w.Subcommittee == subcommittee && (intent.Stage is null || w.Stage == intent.Stage)).ToList();
        switch (intent.Kind)
        {
            case StatusIntentKind.NotAnswered:
                return ReviewQueries.Unanswered(tasks, windows).Count();
            case StatusIntentKind.Overdue:
                return ReviewQueries.Overdue(tasks, windows, now).Count;
            case StatusIntentKind.Outcome when intent.Outcome is { } outcome:
                return tasks.Count(t => t.Has(outcome));
            default:
                var progress = ReviewQueries.Progress(tasks, windows);
                var assigned = progress.Sum(p => p.Assigned);
                return assigned == 0 ? 0 : (double)progress.Sum(p => p.Answered) / assigned;
        }
    }

    private static string Label(StatusIntent intent, BotText text) => intent.Kind switch
    {
        StatusIntentKind.NotAnswered => text[nameof(Strings.Status_CompareNotAnswered)],
        StatusIntentKind.Overdue => text[nameof(Strings.Status_CompareOverdue)],
        StatusIntentKind.Outcome when intent.Outcome is { } outcome => outcome.Name(text.IsJapanese),
        _ => text[nameof(Strings.Status_CompareProgress)],
    };

    private static string Show(double value, bool progress, BotText text) => progress
        ? Math.Round(value * 100, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture) + "%"
        : text.Format(nameof(Strings.Status_Count), (int)value);
}
