using Consolidation.Bot.Domain;
using Consolidation.Bot.Text;

namespace Consolidation.Bot.Import;

/// <summary>Maps the rows of a member file to <see cref="Member"/>s, reporting every problem it finds.</summary>
internal static class MemberFileReader
{
    /// <summary>The valid members, and every well-formed email in the file (so that assignees are not flagged twice).</summary>
    public static (IReadOnlyList<Member> Members, IReadOnlySet<string> Emails) Read(ImportTable table, ImportErrorList errors, bool defaultJapanese)
    {
        var map = HeaderMap.Resolve(table.Headers, MemberColumns.All, defaultJapanese);
        var emails = new HashSet<string>(StringComparer.Ordinal);
        if (!RowChecks.HeaderIsComplete(table, map, errors))
        {
            return ([], emails);
        }

        var firstRowOfEmail = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstRowOfObjectId = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var members = new List<Member>();
        foreach (var row in table.Rows)
        {
            var before = errors.Count;
            var member = ReadRow(row, map, errors);
            var email = CellParsers.ParseEmail(map.Cell(row, MemberColumns.Email));
            if (email is not null && !firstRowOfEmail.TryAdd(email, row.Number))
            {
                errors.Add(row.Number, map.HeaderOf(MemberColumns.Email), ImportErrorCodes.DuplicateEmail, email, RowChecks.Number(firstRowOfEmail[email]));
            }

            if (email is not null)
            {
                emails.Add(email);
            }

            // Roles are decided on the Entra object id: two rows with one id would make one person two members.
            if (member?.AadObjectId is { } objectId && !firstRowOfObjectId.TryAdd(objectId, row.Number))
            {
                errors.Add(row.Number, map.HeaderOf(MemberColumns.AadObjectId), ImportErrorCodes.DuplicateObjectId, objectId, RowChecks.Number(firstRowOfObjectId[objectId]));
            }

            if (member is not null && errors.Count == before)
            {
                members.Add(member);
            }
        }

        return (members, emails);
    }

    private static Member? ReadRow(ImportRow row, HeaderMap map, ImportErrorList errors)
    {
        var email = RowChecks.Email(row, map, MemberColumns.Email, errors);
        var name = RowChecks.Required(row, map, MemberColumns.Name, errors);
        var role = Role(row, map, errors);
        var subcommittees = SubcommitteeList(row, map, role, errors);
        var objectId = ObjectId(row, map, errors);
        var bureau = Bureau(row, map, role, errors);
        if (email is null || name.Length == 0 || role is null)
        {
            return null;
        }

        return new Member
        {
            Email = email, Name = name, Role = role[0], AdditionalRoles = [.. role.Skip(1)], Subcommittees = subcommittees, AadObjectId = objectId, Bureau = bureau,
            Reading = map.Cell(row, MemberColumns.Reading) is { Length: > 0 } reading ? reading : null,
        };
    }

    /// <summary>A bureau contact must name their bureau (the cell is required for them, and ignored for other roles).</summary>
    private static string? Bureau(ImportRow row, HeaderMap map, List<MemberRole>? roles, ImportErrorList errors)
    {
        if (roles is null || !roles.Contains(MemberRole.Bureau))
        {
            return null;
        }

        var text = map.Cell(row, MemberColumns.Bureau).Trim();
        if (text.Length == 0)
        {
            errors.Add(row.Number, map.HeaderOf(MemberColumns.Bureau), ImportErrorCodes.Required);
            return null;
        }

        return text;
    }

    /// <summary>
    /// The roles in the cell, one or several (<c>部会長;推進会議</c>); an empty cell means <see cref="MemberRole.Member"/>,
    /// the least privileged. Null (with an error naming the word) when a word is not a role.
    /// </summary>
    private static List<MemberRole>? Role(ImportRow row, HeaderMap map, ImportErrorList errors)
    {
        var text = map.Cell(row, MemberColumns.Role);
        var words = TextNormalizer.Normalize(text).Split(MemberRoles.Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return [MemberRole.Member];
        }

        var roles = new List<MemberRole>();
        foreach (var word in words)
        {
            if (MemberRoles.Parse(word) is not { } role)
            {
                errors.Add(row.Number, map.HeaderOf(MemberColumns.Role), ImportErrorCodes.UnknownRole, word);
                return null;
            }

            if (!roles.Contains(role))
            {
                roles.Add(role);
            }
        }

        return roles;
    }

    /// <summary>Members and leads need at least one subcommittee; the secretariat and the council may have none.</summary>
    private static IReadOnlyList<Subcommittee> SubcommitteeList(ImportRow row, HeaderMap map, List<MemberRole>? roles, ImportErrorList errors)
    {
        var header = map.HeaderOf(MemberColumns.Subcommittee);
        var (subcommittees, unknown) = SubcommitteeListParser.Parse(map.Cell(row, MemberColumns.Subcommittee));
        foreach (var part in unknown)
        {
            errors.Add(row.Number, header, ImportErrorCodes.UnknownSubcommittee, part);
        }

        if (subcommittees.Count == 0 && unknown.Count == 0 && roles is not null && roles.Any(r => r is MemberRole.Member or MemberRole.Lead))
        {
            errors.Add(row.Number, header, ImportErrorCodes.Required);
        }

        return subcommittees;
    }

    private static string? ObjectId(ImportRow row, HeaderMap map, ImportErrorList errors)
    {
        var text = map.Cell(row, MemberColumns.AadObjectId);
        if (text.Length == 0)
        {
            return null;
        }

        if (!Guid.TryParse(text, out var id))
        {
            errors.Add(row.Number, map.HeaderOf(MemberColumns.AadObjectId), ImportErrorCodes.BadObjectId, text);
            return null;
        }

        return id.ToString("D");
    }
}
