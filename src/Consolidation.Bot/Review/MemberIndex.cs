using System.Runtime.CompilerServices;
using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Review;

/// <summary>
/// A review's members by email and by Entra object id, so finding the sender of an answer does not walk the roster:
/// built once per members list and kept while the list lives. Every snapshot of one generation shares the definitions'
/// list, so that is once per import. The list must not change after it is indexed (snapshots are immutable).
/// The first member of a key wins, as a scan in list order would.
/// </summary>
internal sealed class MemberIndex
{
    private static readonly ConditionalWeakTable<IReadOnlyList<Member>, MemberIndex> Indexes = [];
    private readonly Dictionary<string, Member> _byEmail = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Member> _byAadObjectId = new(StringComparer.OrdinalIgnoreCase);

    private MemberIndex(IReadOnlyList<Member> members)
    {
        foreach (var member in members)
        {
            _byEmail.TryAdd(member.Email, member);
            if (member.AadObjectId is { } id)
            {
                _byAadObjectId.TryAdd(id, member);
            }
        }
    }

    public static MemberIndex Of(IReadOnlyList<Member> members) => Indexes.GetValue(members, static m => new MemberIndex(m));

    public Member? ByEmail(string email) => _byEmail.GetValueOrDefault(Member.NormalizeEmail(email));

    public Member? ByAadObjectId(string aadObjectId) => _byAadObjectId.GetValueOrDefault(aadObjectId);
}
