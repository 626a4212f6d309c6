using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Consolidation.Bot.Import;

namespace Consolidation.Bot.Tests.Import;

/// <summary>Builds import files in memory for the tests (nothing is checked in).</summary>
internal static class ImportFiles
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    public static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    public static readonly string[][] JapaneseTasks =
    [
        ["事務ID", "事務名", "所管局", "部会", "担当者", "先行検討テーマ", "標準化対象事務", "年間件数", "従事時間"],
        ["T-001", "住民票の写しの公用請求対応", "市民局", "くらし・安全・防災部会", "kita@city.example.jp", "公用請求取扱事務（住民票・戸籍）", "住民記録", "1200", "350.5"],
        ["T-002", "介護保険料の督促", "福祉局", "福祉", "minami@city.example.jp", "債権管理事務", "介護保険", "", ""],
    ];

    public static readonly string[][] EnglishTasks =
    [
        ["id", "name", "bureau", "subcommittee", "assignee", "theme", "standard_business", "annual_cases", "staff_hours"],
        ["T-001", "住民票の写しの公用請求対応", "市民局", "Living, Safety & Disaster Prevention", "KITA@city.example.jp", "OfficialRequests", "住民記録", "1,200", "350.5"],
        ["T-002", "介護保険料の督促", "福祉局", "welfare", "minami@city.example.jp", "receivables", "介護保険", "", ""],
    ];

    public static readonly string[][] Members =
    [
        ["メールアドレス", "氏名", "役割", "部会"],
        ["kita@city.example.jp", "北区長", "委員", "くらし"],
        ["minami@city.example.jp", "南区長", "部会長", "福祉・健康部会"],
    ];

    public static IReadOnlySet<string> NoKnownEmails { get; } = new HashSet<string>();

    public static string Csv(string[][] rows) =>
        string.Join("\r\n", rows.Select(r => string.Join(',', r.Select(Quote)))) + "\r\n";

    public static byte[] Utf8(string text, bool bom = false) =>
        bom ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);

    public static byte[] ShiftJis(string text) => CodePagesEncodingProvider.Instance.GetEncoding(932)!.GetBytes(text);

    public static byte[] Xlsx(string[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Sheet1");
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                sheet.Cell(r + 1, c + 1).SetValue(rows[r][c]);
            }
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public static ImportResult ReadFiles(byte[] tasks, string tasksName, byte[]? members = null, string? membersName = null, CultureInfo? culture = null, IReadOnlySet<string>? known = null)
    {
        using var taskStream = new MemoryStream(tasks);
        using var memberStream = members is null ? null : new MemoryStream(members);
        return ReviewFileImporter.Read(taskStream, tasksName, memberStream, membersName, known ?? NoKnownEmails, culture ?? English);
    }

    public static ImportResult ImportCsv(string[][] tasks, CultureInfo? culture = null) =>
        ReadFiles(Utf8(Csv(tasks)), "tasks.csv", Utf8(Csv(Members)), "members.csv", culture);

    private static string Quote(string cell) =>
        cell.Contains(',', StringComparison.Ordinal) || cell.Contains('"', StringComparison.Ordinal)
            ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : cell;
}
