namespace Consolidation.Bot.Import;

/// <summary>
/// One problem found in an import file. <paramref name="Row"/> is the Excel row number (header = 1, first data
/// row = 2; 0 for a problem with the whole file), <paramref name="Column"/> the header as written in the file,
/// <paramref name="Code"/> one of <see cref="ImportErrorCodes"/>, and <paramref name="Message"/> the text for
/// the user, e.g. <c>row 3, subcommittee: unknown subcommittee 'foo'</c> or <c>3行目 部会: 不明な部会「foo」です</c>.
/// </summary>
public sealed record ImportError(int Row, string Column, string Code, string Message)
{
    /// <summary>The name of the file the problem is in (the tasks file or the members file).</summary>
    public string File { get; init; } = "";
}
