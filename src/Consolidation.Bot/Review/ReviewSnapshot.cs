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
    public Member? MemberByEmail(string email) =>
        Members.FirstOrDefault(m => string.Equals(m.Email, Member.NormalizeEmail(email), StringComparison.Ordinal));

    public Member? MemberByAadObjectId(string aadObjectId) =>
        Members.FirstOrDefault(m => string.Equals(m.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase));

    public StageWindow? WindowFor(Stage stage, Subcommittee subcommittee) =>
        Windows.FirstOrDefault(w => w.Stage == stage && w.Subcommittee == subcommittee);
}
