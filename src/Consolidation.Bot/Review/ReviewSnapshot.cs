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

    public Member? MemberByAadObjectId(string aadObjectId) => MemberIndex.Of(Members).ByAadObjectId(aadObjectId);

    public StageWindow? WindowFor(Stage stage, Subcommittee subcommittee) =>
        Windows.FirstOrDefault(w => w.Stage == stage && w.Subcommittee == subcommittee);
}
