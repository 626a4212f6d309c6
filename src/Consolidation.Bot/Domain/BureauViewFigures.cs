namespace Consolidation.Bot.Domain;

/// <summary>
/// The bureaus' views at WG (this round's), beside the 担当区長's decisions: how many tasks each view was given for, and how
/// many tasks still wait for one while their WG is open (counted only where the review has a contact of that bureau).
/// </summary>
public sealed record BureauViewFigures(int Agree, int Issues, int Partial, int Waiting)
{
    public int Given => Agree + Issues + Partial;

    public static BureauViewFigures Of(IReadOnlyCollection<ReviewTask> tasks, IEnumerable<StageWindow> windows, IEnumerable<Member> members)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var views = tasks.Select(t => (t.State.BureauView?.Answer as BureauViewAnswer)?.View).ToList();
        var waiting = members.Where(m => m.HasRole(MemberRole.Bureau))
            .SelectMany(m => ReviewQueries.AwaitingBureauView(tasks, windows, m))
            .Select(t => t.Id).Distinct(StringComparer.Ordinal).Count();
        return new BureauViewFigures(views.Count(v => v == BureauView.Agree), views.Count(v => v == BureauView.Issues), views.Count(v => v == BureauView.Partial), waiting);
    }
}
