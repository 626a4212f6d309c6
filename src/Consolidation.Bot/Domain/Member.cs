namespace Consolidation.Bot.Domain;

/// <summary>What a person may do in the review.</summary>
public enum MemberRole
{
    /// <summary>A subcommittee member (usually a ward head in charge, 担当区長): answers questionnaires for assigned tasks.</summary>
    Member,

    /// <summary>The ward head leading a subcommittee: answers like a member and receives the escalations of late tasks.</summary>
    Lead,

    /// <summary>市民局 (事務局): opens stages, reassigns, reopens and overrides, and may ask about anything.</summary>
    Secretariat,

    /// <summary>
    /// A member of the Promotion Council (推進会議: リーダー, サブリーダー, メンバー — roles on the council, not on a
    /// subcommittee): reads digests.
    /// </summary>
    Council,

    /// <summary>
    /// The overall summing-up (企画・全体総括: 区長会議, with 人事・財政部会 in charge): sees everything read-only (any status
    /// question), and may not open stages or change answers.
    /// </summary>
    Overview,

    /// <summary>
    /// A contact of a bureau in charge (所管部局, named in <see cref="Member.Bureau"/>): at WG, held "with the 所管部局", gives
    /// the bureau's view on its tasks beside the 担当区長's decision.
    /// </summary>
    Bureau,
}

/// <summary>A person taking part in the review. The email (UPN) is the key; the Entra object id links Teams identities.</summary>
public sealed record Member
{
    /// <summary>Normalised as it is set (<see cref="NormalizeEmail"/>): a member's email compares ordinally everywhere.</summary>
    public required string Email { get; init => field = NormalizeEmail(value); }
    public required string Name { get; init; }
    public string? AadObjectId { get; init; }
    /// <summary>The first role named for the person (one person may hold several: <see cref="AdditionalRoles"/>).</summary>
    public MemberRole Role { get; init; } = MemberRole.Member;

    /// <summary>Further roles of the same person (e.g. a lead who also sits on the 推進会議); empty for most.</summary>
    public IReadOnlyList<MemberRole> AdditionalRoles { get; init; } = [];

    public IReadOnlyList<Subcommittee> Subcommittees { get; init; } = [];

    /// <summary>How the name reads, in kana (さとう けんいち), when the member file gives it: a question may name the person so.</summary>
    public string? Reading { get; init; }

    /// <summary>The bureau a <see cref="MemberRole.Bureau"/> contact speaks for (as the task file names it: 福祉局).</summary>
    public string? Bureau { get; init; }

    /// <summary>The one rule for "this person gives the bureau's view on this task": a bureau contact of the task's bureau.</summary>
    public bool IsBureauContactFor(TaskDefinition task) =>
        HasRole(MemberRole.Bureau) && Bureau is { Length: > 0 } && BureauViews.Key(Bureau) == BureauViews.Key(task?.Bureau);

    public bool IsSecretariat => HasRole(MemberRole.Secretariat);

    /// <summary>Whether the person holds <paramref name="role"/>, as their first role or an additional one.</summary>
    public bool HasRole(MemberRole role) => Role == role || AdditionalRoles.Contains(role);

    /// <summary>Every role of the person, the first one first.</summary>
    public IEnumerable<MemberRole> Roles => AdditionalRoles.Prepend(Role).Distinct();

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Value equality, including the subcommittee list (a record would compare the list by reference).</summary>
    public bool Equals(Member? other) =>
        other is not null && Email == other.Email && Name == other.Name && AadObjectId == other.AadObjectId
        && Role == other.Role && AdditionalRoles.SequenceEqual(other.AdditionalRoles) && Subcommittees.SequenceEqual(other.Subcommittees)
        && Bureau == other.Bureau && Reading == other.Reading;

    public override int GetHashCode() => HashCode.Combine(Email, Name, AadObjectId, Role);
}

public static class MemberRoles
{
    /// <summary>
    /// Parses one role word of an import file, English or Japanese. リーダー, サブリーダー and メンバー are the 推進会議 roster's
    /// words (the council's leader, sub-leader and members), so they are council roles, not subcommittee ones.
    /// </summary>
    public static MemberRole? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "member" or "委員" or "部会員" or "担当区長" => MemberRole.Member,
        "lead" or "部会長" or "主担当区長" => MemberRole.Lead,
        "secretariat" or "事務局" or "市民局" => MemberRole.Secretariat,
        "council" or "推進会議" or "推進会議メンバー" or "リーダー" or "サブリーダー" or "メンバー"
            or "推進会議リーダー" or "推進会議サブリーダー" => MemberRole.Council,
        "overview" or "summary" or "全体総括" or "企画・全体総括" or "区長会議" => MemberRole.Overview,
        "bureau" or "所管局" or "所管部局" or "所管局担当" or "所管部局担当" => MemberRole.Bureau,
        _ => null,
    };

    /// <summary>Separators between several roles in one cell (<c>部会長;推進会議</c>, <c>事務局、全体総括</c>).</summary>
    public static readonly char[] Separators = [';', '；', '、', ',', '，', '/', '／'];

    /// <summary>The stored form: the roles' names joined by commas, the first role first.</summary>
    public static string Format(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return string.Join(',', member.Roles);
    }

    /// <summary>Reads <see cref="Format"/> back: (first role, the others).</summary>
    public static (MemberRole Role, IReadOnlyList<MemberRole> Additional) ParseStored(string stored)
    {
        var roles = (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Enum.Parse<MemberRole>).ToList();
        return roles.Count == 0 ? (MemberRole.Member, []) : (roles[0], roles.Skip(1).ToList());
    }

}
