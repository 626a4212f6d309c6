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

    /// <summary>A member of the Promotion Council (推進会議): reads digests.</summary>
    Council,
}

/// <summary>A person taking part in the review. The email (UPN) is the key; the Entra object id links Teams identities.</summary>
public sealed record Member
{
    public required string Email { get; init; }
    public required string Name { get; init; }
    public string? AadObjectId { get; init; }
    public MemberRole Role { get; init; } = MemberRole.Member;
    public IReadOnlyList<Subcommittee> Subcommittees { get; init; } = [];

    public bool IsSecretariat => Role == MemberRole.Secretariat;

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Value equality, including the subcommittee list (a record would compare the list by reference).</summary>
    public bool Equals(Member? other) =>
        other is not null && Email == other.Email && Name == other.Name && AadObjectId == other.AadObjectId
        && Role == other.Role && Subcommittees.SequenceEqual(other.Subcommittees);

    public override int GetHashCode() => HashCode.Combine(Email, Name, AadObjectId, Role);
}

public static class MemberRoles
{
    /// <summary>Parses an import file's role: English or Japanese words.</summary>
    public static MemberRole? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "member" or "委員" or "メンバー" or "部会員" or "担当区長" => MemberRole.Member,
        "lead" or "部会長" or "主担当区長" or "リーダー" => MemberRole.Lead,
        "secretariat" or "事務局" or "市民局" => MemberRole.Secretariat,
        "council" or "推進会議" or "推進会議メンバー" => MemberRole.Council,
        _ => null,
    };

    public static string Name(this MemberRole role, bool japanese) => (role, japanese) switch
    {
        (MemberRole.Member, true) => "委員",
        (MemberRole.Lead, true) => "部会長",
        (MemberRole.Secretariat, true) => "事務局",
        (MemberRole.Council, true) => "推進会議",
        _ => role.ToString().ToLowerInvariant(),
    };
}
