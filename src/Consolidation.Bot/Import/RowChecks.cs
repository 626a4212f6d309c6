using System.Globalization;
using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Import;

/// <summary>Reads one cell of a row as a given kind of value, adding an error when it is not one.</summary>
internal static class RowChecks
{
    /// <summary>False (with a row-1 error per missing column, or an empty-file error) when required columns are missing.</summary>
    public static bool HeaderIsComplete(ImportTable table, HeaderMap map, ImportErrorList errors)
    {
        if (table.Headers.Count == 0 || ImportRow.IsBlank(table.Headers))
        {
            errors.Add(1, "", ImportErrorCodes.EmptyFile);
            return false;
        }

        foreach (var column in map.Missing)
        {
            var header = map.HeaderOf(column);
            errors.Add(1, header, ImportErrorCodes.MissingColumn, header);
        }

        return map.Missing.Count == 0;
    }

    public static string Required(ImportRow row, HeaderMap map, ColumnSpec column, ImportErrorList errors)
    {
        var value = map.Cell(row, column);
        if (value.Length == 0)
        {
            errors.Add(row.Number, map.HeaderOf(column), ImportErrorCodes.Required);
        }

        return value;
    }

    /// <summary>
    /// Characters a task id may not contain: '|' separates the parts of the review's row keys (state, history), the
    /// others are not allowed in Azure Table keys at all.
    /// </summary>
    public const string KeyBreakingCharacters = "|/\\#?%";

    /// <summary>The normalised task id, or "" (with an error) when it is missing or has a character that breaks storage keys.</summary>
    public static string TaskId(ImportRow row, HeaderMap map, ColumnSpec column, ImportErrorList errors)
    {
        var id = CellParsers.NormalizeId(Required(row, map, column, errors));
        var bad = id.Where(c => KeyBreakingCharacters.Contains(c, StringComparison.Ordinal) || char.IsControl(c)).Distinct().ToList();
        if (bad.Count == 0)
        {
            return id;
        }

        var shown = string.Join(" ", bad.Select(c => char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString()));
        errors.Add(row.Number, map.HeaderOf(column), ImportErrorCodes.BadTaskId, id, shown);
        return "";
    }

    public static Subcommittee? Subcommittee(ImportRow row, HeaderMap map, ColumnSpec column, ImportErrorList errors)
    {
        var text = Required(row, map, column, errors);
        var value = Subcommittees.Parse(text);
        if (text.Length > 0 && value is null)
        {
            errors.Add(row.Number, map.HeaderOf(column), ImportErrorCodes.UnknownSubcommittee, text);
        }

        return value;
    }

    public static string? Email(ImportRow row, HeaderMap map, ColumnSpec column, ImportErrorList errors)
    {
        var text = Required(row, map, column, errors);
        var value = CellParsers.ParseEmail(text);
        if (text.Length > 0 && value is null)
        {
            errors.Add(row.Number, map.HeaderOf(column), ImportErrorCodes.BadEmail, text);
        }

        return value;
    }

    public static PrecedingTheme? Theme(ImportRow row, HeaderMap map, ColumnSpec column, ImportErrorList errors)
    {
        var text = map.Cell(row, column);
        var value = DecisionNames.ParseTheme(text);
        if (text.Length > 0 && value is null)
        {
            errors.Add(row.Number, map.HeaderOf(column), ImportErrorCodes.UnknownTheme, text);
        }

        return value;
    }

    public static int? Count(ImportRow row, HeaderMap map, ColumnSpec column, ImportErrorList errors)
    {
        var text = map.Cell(row, column);
        var value = text.Length == 0 ? null : CellParsers.ParseCount(text);
        if (text.Length > 0 && value is null)
        {
            errors.Add(row.Number, map.HeaderOf(column), ImportErrorCodes.BadInteger, text);
        }
        else if (value > AnswerErrors.MaxAnnualCases)
        {
            errors.Add(row.Number, map.HeaderOf(column), ImportErrorCodes.OutOfRange, text, Number(AnswerErrors.MaxAnnualCases));
            return null;
        }

        return value;
    }

    public static decimal? Hours(ImportRow row, HeaderMap map, ColumnSpec column, ImportErrorList errors)
    {
        var text = map.Cell(row, column);
        var value = text.Length == 0 ? null : CellParsers.ParseHours(text);
        if (text.Length > 0 && value is null)
        {
            errors.Add(row.Number, map.HeaderOf(column), ImportErrorCodes.BadDecimal, text);
        }
        else if (value > AnswerErrors.MaxStaffHours)
        {
            errors.Add(row.Number, map.HeaderOf(column), ImportErrorCodes.OutOfRange, text, Number(AnswerErrors.MaxStaffHours));
            return null;
        }

        return value;
    }

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
