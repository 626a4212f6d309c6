using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Review;

/// <summary>Everything about one review at one moment: tasks (with their states), members and stage windows.</summary>
public sealed record ReviewSnapshot(
    string ReviewId,
    string Name,
    int Generation,
    IReadOnlyList<ReviewTask> Tasks,
    IReadOnlyList<Member> Members,
    IReadOnlyList<StageWindow> Windows)
{
    public Member? MemberByEmail(string email) => MemberIndex.Of(Members).ByEmail(email);

    /// <summary>
    /// How a person recorded by email (an assignee, who answered, who acted) is shown: their name in the members file, or
    /// the email itself when they are not (or no longer) in it.
    /// </summary>
    public string NameOf(string email) => MemberByEmail(email)?.Name ?? email;

    public Member? MemberByAadObjectId(string aadObjectId) => MemberIndex.Of(Members).ByAadObjectId(aadObjectId);

    public StageWindow? WindowFor(Stage stage, Subcommittee subcommittee) =>
        Windows.FirstOrDefault(w => w.Stage == stage && w.Subcommittee == subcommittee);
}
