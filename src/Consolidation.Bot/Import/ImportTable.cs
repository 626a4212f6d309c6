namespace Consolidation.Bot.Import;

/// <summary>A sheet as read from a file: the header row (row 1) and the non-blank data rows.</summary>
public sealed record ImportTable(IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> Rows);

/// <summary>One data row: its Excel row number (first data row = 2) and its cells, in header order.</summary>
public sealed record ImportRow(int Number, IReadOnlyList<string> Cells)
{
    /// <summary>The trimmed cell at <paramref name="index"/>, or "" when the row is shorter.</summary>
    public string Cell(int index) => index >= 0 && index < Cells.Count ? Cells[index].Trim() : "";

    public static bool IsBlank(IReadOnlyList<string> cells) => cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>The table, or why the file could not be read (an <see cref="ImportErrorCodes"/> code and a detail).</summary>
public sealed record TableReadResult(ImportTable? Table, string? FailureCode, string? Detail)
{
    public static TableReadResult Success(ImportTable table) => new(table, null, null);

    public static TableReadResult Failure(string code, string detail) => new(null, code, detail);
}
