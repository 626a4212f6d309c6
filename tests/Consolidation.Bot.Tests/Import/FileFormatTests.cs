using Consolidation.Bot.Domain;
using Consolidation.Bot.Import;
using static Consolidation.Bot.Tests.Import.ImportFiles;

namespace Consolidation.Bot.Tests.Import;

public class FileFormatTests
{
    private static readonly TaskDefinition[] Expected =
    [
        new()
        {
            Id = "T-001", Name = "住民票の写しの公用請求対応", Bureau = "市民局", Subcommittee = Subcommittee.LivingSafety,
            Assignee = "kita@city.example.jp", Theme = PrecedingTheme.OfficialRequests, StandardBusiness = "住民記録",
            AnnualCases = 1200, StaffHours = 350.5m,
        },
        new()
        {
            Id = "T-002", Name = "介護保険料の督促", Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth,
            Assignee = "minami@city.example.jp", Theme = PrecedingTheme.ReceivablesManagement, StandardBusiness = "介護保険",
        },
    ];

    public static TheoryData<string, bool> Formats => new()
    {
        { "utf8", true }, { "utf8", false }, { "utf8bom", true }, { "utf8bom", false },
        { "sjis", true }, { "sjis", false }, { "xlsx", true }, { "xlsx", false },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Read_EachEncodingAndHeaderLanguage_YieldsSameTasks(string format, bool japaneseHeaders)
    {
        var rows = japaneseHeaders ? JapaneseTasks : EnglishTasks;
        var (bytes, name) = format switch
        {
            "utf8" => (Utf8(Csv(rows)), "tasks.csv"),
            "utf8bom" => (Utf8(Csv(rows), bom: true), "tasks.CSV"),
            "sjis" => (ShiftJis(Csv(rows)), "tasks.csv"),
            _ => (Xlsx(rows), "tasks.xlsx"),
        };

        var result = ReadFiles(bytes, name, Utf8(Csv(Members)), "members.csv");

        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
        Assert.Equal(Expected.Length, result.Tasks.Count);
        for (var i = 0; i < Expected.Length; i++)
        {
            AssertSameTask(Expected[i], result.Tasks[i]);
        }
    }

    [Fact]
    public void Read_XlsxMembers_ReadsMembers()
    {
        var result = ReadFiles(Utf8(Csv(JapaneseTasks)), "tasks.csv", Xlsx(Members), "members.xlsx");

        Assert.True(result.IsValid);
        Assert.Equal(["kita@city.example.jp", "minami@city.example.jp"], result.Members.Select(m => m.Email));
    }

    [Fact]
    public void Read_XlsxNumericCells_ReadAsNumbers()
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.Worksheets.Add("tasks");
        string[] headers = ["id", "name", "bureau", "subcommittee", "assignee", "annual_cases", "staff_hours"];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(headers[c]);
        }

        sheet.Cell(2, 1).SetValue(101);
        sheet.Cell(2, 2).SetValue("戸籍の公用請求");
        sheet.Cell(2, 3).SetValue("市民局");
        sheet.Cell(2, 4).SetValue("くらし");
        sheet.Cell(2, 5).SetValue("kita@city.example.jp");
        sheet.Cell(2, 6).SetValue(2400);
        sheet.Cell(2, 7).SetValue(12.25);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        var result = ReadFiles(stream.ToArray(), "tasks.xlsx", known: new HashSet<string> { "kita@city.example.jp" });

        var task = Assert.Single(result.Tasks);
        Assert.Equal("101", task.Id);
        Assert.Equal(2400, task.AnnualCases);
        Assert.Equal(12.25m, task.StaffHours);
    }

    [Theory]
    [InlineData("tasks.txt", ".txt")]
    [InlineData("tasks.xls", ".xls")]
    [InlineData("tasks", "tasks")]
    public void Read_UnsupportedExtension_ReportsFileError(string fileName, string shown)
    {
        var result = ReadFiles(Utf8(Csv(JapaneseTasks)), fileName);

        var error = Assert.Single(result.Errors);
        Assert.Equal(0, error.Row);
        Assert.Equal(ImportErrorCodes.UnsupportedFile, error.Code);
        Assert.Equal($"file {fileName}: unsupported file type '{shown}' (use .csv or .xlsx)", error.Message);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Read_CorruptXlsx_ReportsUnreadableFile()
    {
        var result = ReadFiles(Utf8("not a zip"), "tasks.xlsx", culture: Japanese);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ImportErrorCodes.UnreadableFile, error.Code);
        Assert.StartsWith("ファイル tasks.xlsx: ファイルを読み取れません", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_Utf8AndShiftJis_ChoosesEncoding()
    {
        Assert.Equal(65001, CsvTextDecoder.Detect(Utf8("事務ID")).CodePage);
        Assert.Equal(65001, CsvTextDecoder.Detect(Utf8("id", bom: true)).CodePage);
        Assert.Equal(932, CsvTextDecoder.Detect(ShiftJis("事務ID,部会")).CodePage);
        Assert.Equal("事務ID,部会", CsvTextDecoder.Decode(ShiftJis("事務ID,部会")));
    }

    [Fact]
    public void ReadCsv_BlankLinesAndQuotedLineBreaks_KeepsExcelRowNumbers()
    {
        var table = CsvTableReader.Read(Utf8("a,b\r\n1,\"x\r\ny\"\r\n\r\n3,z\r\n"));

        Assert.Equal(["a", "b"], table.Headers);
        Assert.Equal([2, 4], table.Rows.Select(r => r.Number));
        Assert.Equal("x\r\ny", table.Rows[0].Cells[1]);
    }

    internal static void AssertSameTask(TaskDefinition expected, TaskDefinition actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Bureau, actual.Bureau);
        Assert.Equal(expected.Subcommittee, actual.Subcommittee);
        Assert.Equal(expected.Assignee, actual.Assignee);
        Assert.Equal(expected.Theme, actual.Theme);
        Assert.Equal(expected.StandardBusiness, actual.StandardBusiness);
        Assert.Equal(expected.AnnualCases, actual.AnnualCases);
        Assert.Equal(expected.StaffHours, actual.StaffHours);
    }
}
