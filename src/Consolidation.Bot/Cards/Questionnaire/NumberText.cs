using System.Globalization;
using System.Text;

namespace Consolidation.Bot.Cards.Questionnaire;

/// <summary>Reads numbers as people type them: full-width digits (<c>１，２００</c>), thousands separators, spaces.</summary>
internal static class NumberText
{
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = text.Normalize(NormalizationForm.FormKC)
            .Replace(",", "", StringComparison.Ordinal)
            .Replace("、", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal)
            .Replace('−', '-');
        return decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
