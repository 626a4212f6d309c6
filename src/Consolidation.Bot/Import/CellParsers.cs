using System.Globalization;
using System.Net.Mail;
using System.Text;
using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Import;

/// <summary>Tolerant parsing of cell values: full-width digits and thousands separators are accepted.</summary>
public static class CellParsers
{
    private const NumberStyles IntegerStyle = NumberStyles.AllowThousands;
    private const NumberStyles DecimalStyle = NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint;

    /// <summary>A non-negative integer such as <c>1200</c>, <c>1,200</c> or <c>１２００</c>; null when it is not one.</summary>
    public static int? ParseCount(string text) =>
        int.TryParse(Prepare(text), IntegerStyle, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null;

    /// <summary>A non-negative decimal such as <c>12.5</c>, <c>1,234.5</c> or <c>１２．５</c>; null when it is not one.</summary>
    public static decimal? ParseHours(string text) =>
        decimal.TryParse(Prepare(text), DecimalStyle, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null;

    /// <summary>The normalised email (NFKC, trimmed, lower case), or null when it is not a plain address with a dotted domain.</summary>
    public static string? ParseEmail(string text)
    {
        var email = Member.NormalizeEmail(text.Normalize(NormalizationForm.FormKC));
        if (email.Length == 0 || email.Any(char.IsWhiteSpace) || !MailAddress.TryCreate(email, out var address))
        {
            return null;
        }

        var ok = address.Address == email && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.StartsWith('.') && !address.Host.EndsWith('.');
        return ok ? email : null;
    }

    /// <summary>A task id as stored: NFKC (full-width letters and digits become half-width) and trimmed; case is kept.</summary>
    public static string NormalizeId(string text) => text.Normalize(NormalizationForm.FormKC).Trim();

    private static string Prepare(string text) => text.Normalize(NormalizationForm.FormKC).Trim();
}
