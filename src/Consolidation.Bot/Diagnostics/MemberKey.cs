using System.Security.Cryptography;
using System.Text;
using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Diagnostics;

/// <summary>
/// How a member appears in logs: a short hash of their normalised email (<c>m-3f9a1c0b2e</c>), never the email itself
/// (README "Security": no personal data in logs). Log methods take this type, so an email passed to them is hashed
/// by the conversion; the same member always gets the same key, so a log can still be followed per member, and the
/// secretariat can compute a member's key to search for it.
/// </summary>
public readonly record struct MemberKey
{
    private MemberKey(string value) => Value = value;

    public string Value { get; }

    public static MemberKey Of(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return new MemberKey("m-none");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Member.NormalizeEmail(email)));
        return new MemberKey("m-" + Convert.ToHexStringLower(hash.AsSpan(0, 5)));
    }

    public static implicit operator MemberKey(string? email) => Of(email);

    public override string ToString() => Value;
}
