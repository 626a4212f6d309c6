using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Status;

namespace Consolidation.Bot.Tab;

/// <summary>
/// What the signed-in person sees and may do on the tab, from their roles in the imported members (the same rules as
/// status questions, <see cref="StatusAccessPolicy"/>): the secretariat sees everything and acts; the overall summing-up
/// (全体総括) sees everything read-only; the 推進会議 and subcommittee leads see the figures (a lead also the people and
/// tasks of the subcommittees they lead); any other member the overall funnel and their own tasks.
/// </summary>
public sealed record TabScope(Member Member)
{
    /// <summary>Only the secretariat changes anything (import, stages, reassign, override, reopen, registration).</summary>
    public bool CanAct => Member.IsSecretariat;

    public bool SeesEverything => Member.IsSecretariat || Member.HasRole(MemberRole.Overview);

    /// <summary>Figures per subcommittee and per stage, without names.</summary>
    public bool SeesFigures => SeesEverything || Member.HasRole(MemberRole.Lead) || Member.HasRole(MemberRole.Council);

    /// <summary>The subcommittees whose people (non-responders, unreachable members) and tasks this person sees.</summary>
    public IReadOnlyList<Subcommittee> PeopleOf =>
        SeesEverything ? Subcommittees.All
        : Member.HasRole(MemberRole.Lead) ? Member.Subcommittees
        : [];

    public bool MaySee(ReviewTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return PeopleOf.Contains(task.Subcommittee) || StatusAccessPolicy.IsAssignee(task, Member);
    }
}
