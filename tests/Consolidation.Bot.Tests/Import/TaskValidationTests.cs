using Consolidation.Bot.Domain;
using Consolidation.Bot.Import;
using static Consolidation.Bot.Tests.Import.ImportFiles;

namespace Consolidation.Bot.Tests.Import;

public class TaskValidationTests
{
    private static readonly string[][] BadJapaneseFile =
    [
        ["事務ID", "事務名", "所管局", "部会", "担当者", "先行検討テーマ", "標準化対象事務", "年間件数", "従事時間"],
        ["T-001", "戸籍の公用請求", "市民局", "くらし", "kita@city.example.jp", "", "", "", ""],
        ["T-002", "", "福祉局", "foo", "kita@city.example.jp", "", "", "", ""],
        ["T-001", "重複した事務", "市民局", "福祉", "nobody@city.example.jp", "", "", "abc", "-1"],
        ["T-004", "封入封緘", "", "こども", "not-an-email", "宇宙開発", "", "1.5", "2時間"],
    ];

    private static readonly (int Row, string Column, string Code)[] ExpectedErrors =
    [
        (3, "事務名", ImportErrorCodes.Required),
        (3, "部会", ImportErrorCodes.UnknownSubcommittee),
        (4, "年間件数", ImportErrorCodes.BadInteger),
        (4, "従事時間", ImportErrorCodes.BadDecimal),
        (4, "事務ID", ImportErrorCodes.DuplicateId),
        (4, "担当者", ImportErrorCodes.UnknownAssignee),
        (5, "所管局", ImportErrorCodes.Required),
        (5, "担当者", ImportErrorCodes.BadEmail),
        (5, "先行検討テーマ", ImportErrorCodes.UnknownTheme),
        (5, "年間件数", ImportErrorCodes.BadInteger),
        (5, "従事時間", ImportErrorCodes.BadDecimal),
    ];

    [Fact]
    public void Read_FileWithManyBadRows_ReportsEveryErrorWithRowAndColumn()
    {
        var result = ImportCsv(BadJapaneseFile);

        Assert.False(result.IsValid);
        Assert.Empty(result.Tasks);
        Assert.Empty(result.Members);
        Assert.Equal(4, result.TaskRowCount);
        var actual = result.Errors.Select(e => (e.Row, e.Column, e.Code)).OrderBy(e => e.Row).ThenBy(e => e.Code, StringComparer.Ordinal);
        Assert.Equal(ExpectedErrors.OrderBy(e => e.Row).ThenBy(e => e.Code, StringComparer.Ordinal), actual);
        Assert.All(result.Errors, e => Assert.Equal("tasks.csv", e.File));
    }

    [Fact]
    public void Read_BadRowsInEnglish_FormatsEnglishMessages()
    {
        var messages = ImportCsv(BadJapaneseFile, English).Errors.Select(e => e.Message).ToList();

        Assert.Contains("row 3, 部会: unknown subcommittee 'foo'", messages);
        Assert.Contains("row 3, 事務名: a value is required", messages);
        Assert.Contains("row 4, 事務ID: duplicate id 'T-001' (first on row 2)", messages);
        Assert.Contains("row 4, 担当者: unknown assignee 'nobody@city.example.jp' (not among the members)", messages);
        Assert.Contains("row 4, 年間件数: 'abc' is not a non-negative integer", messages);
        Assert.Contains("row 5, 先行検討テーマ: unknown preceding theme '宇宙開発'", messages);
        Assert.Contains("row 5, 担当者: invalid email address 'not-an-email'", messages);
    }

    [Fact]
    public void Read_BadRowsInJapanese_FormatsJapaneseMessages()
    {
        var messages = ImportCsv(BadJapaneseFile, Japanese).Errors.Select(e => e.Message).ToList();

        Assert.Contains("3行目 部会: 不明な部会「foo」です", messages);
        Assert.Contains("3行目 事務名: 値が入力されていません", messages);
        Assert.Contains("4行目 事務ID: 事務ID「T-001」が重複しています（最初は2行目）", messages);
        Assert.Contains("4行目 担当者: 担当者「nobody@city.example.jp」がメンバーに登録されていません", messages);
        Assert.Contains("4行目 従事時間: 「-1」は0以上の数値ではありません", messages);
        Assert.Contains("5行目 先行検討テーマ: 不明な先行検討テーマ「宇宙開発」です", messages);
        Assert.Contains("5行目 所管局: 値が入力されていません", messages);
    }

    [Fact]
    public void Read_EnglishHeaders_ShowsEnglishColumnInBothLanguages()
    {
        string[][] file =
        [
            ["id", "name", "bureau", "subcommittee", "assignee"],
            ["T-001", "x", "市民局", "kita@city.example.jp", "kita@city.example.jp"],
            ["T-002", "x", "市民局", "foo", "kita@city.example.jp"],
        ];

        Assert.Contains("row 3, subcommittee: unknown subcommittee 'foo'", ImportCsv(file, English).Errors.Select(e => e.Message));
        Assert.Contains("3行目 subcommittee: 不明な部会「foo」です", ImportCsv(file, Japanese).Errors.Select(e => e.Message));
    }

    [Theory]
    [InlineData("人事・財政部会", Subcommittee.PersonnelFinance)]
    [InlineData("人事財政", Subcommittee.PersonnelFinance)]
    [InlineData("くらし・安全・防災", Subcommittee.LivingSafety)]
    [InlineData("まちづくり", Subcommittee.TownDevelopment)]
    [InlineData("まちづくり・にぎわい・環境部会", Subcommittee.TownDevelopment)]
    [InlineData("福祉", Subcommittee.WelfareHealth)]
    [InlineData("福祉・健康部会", Subcommittee.WelfareHealth)]
    [InlineData("こども・教育部会", Subcommittee.ChildrenEducation)]
    [InlineData("Children & Education", Subcommittee.ChildrenEducation)]
    [InlineData("ＷｅｌｆａｒｅＨｅａｌｔｈ", Subcommittee.WelfareHealth)]
    public void Read_SubcommitteeShortAndFullNames_Parses(string cell, Subcommittee expected)
    {
        var result = ImportCsv([JapaneseTasks[0], ["T-1", "事務", "市民局", cell, "kita@city.example.jp", "", "", "", ""]]);

        Assert.Equal(expected, Assert.Single(result.Tasks).Subcommittee);
    }

    [Theory]
    [InlineData("1200", 1200)]
    [InlineData("1,200", 1200)]
    [InlineData("１２００", 1200)]
    [InlineData("１，２００", 1200)]
    [InlineData(" 0 ", 0)]
    public void Read_AnnualCasesForms_Parses(string cell, int expected)
    {
        var result = ImportCsv([JapaneseTasks[0], ["T-1", "事務", "市民局", "福祉", "kita@city.example.jp", "", "", cell, "１２．５"]]);

        var task = Assert.Single(result.Tasks);
        Assert.Equal(expected, task.AnnualCases);
        Assert.Equal(12.5m, task.StaffHours);
    }

    [Fact]
    public void Read_TooManyCases_ReportsOutOfRange()
    {
        var result = ImportCsv([JapaneseTasks[0], ["T-1", "事務", "市民局", "福祉", "kita@city.example.jp", "", "", "99,999,999", "2,000,000"]]);

        Assert.Equal([ImportErrorCodes.OutOfRange, ImportErrorCodes.OutOfRange], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Read_TolerantHeaders_MatchesSpacesCaseAndFullWidth()
    {
        string[][] file =
        [
            [" ＩＤ ", "Name", "BUREAU", " Subcommittee", "Assignee ", "Staff Hours", "備考"],
            ["Ｔ－００１", "事務", "市民局", "福祉", "kita@city.example.jp", "3", "メモ"],
        ];

        var task = Assert.Single(ImportCsv(file).Tasks);

        Assert.Equal("T-001", task.Id);
        Assert.Equal(3m, task.StaffHours);
    }

    [Fact]
    public void Read_MissingRequiredHeaders_ReportsRow1NamingEachColumn()
    {
        string[][] file = [["事務ID", "事務名", "担当者"], ["T-1", "事務", "kita@city.example.jp"]];

        var result = ImportCsv(file, Japanese);

        Assert.Equal([(1, "所管局"), (1, "部会")], result.Errors.Select(e => (e.Row, e.Column)));
        Assert.Equal("1行目 所管局: 必須の列「所管局」がありません", result.Errors[0].Message);
        Assert.Empty(result.Tasks);
    }

    [Fact]
    public void Read_MissingEnglishHeader_NamesEnglishColumn()
    {
        string[][] file = [["id", "name", "bureau", "subcommittee"], ["T-1", "事務", "市民局", "福祉"]];

        var error = Assert.Single(ImportCsv(file, English).Errors);

        Assert.Equal("row 1, assignee: missing column 'assignee'", error.Message);
    }

    [Fact]
    public void Read_EmptyFile_ReportsNoHeader()
    {
        var error = Assert.Single(ReadFiles([], "tasks.csv").Errors);

        Assert.Equal((1, ImportErrorCodes.EmptyFile), (error.Row, error.Code));
    }

    [Fact]
    public void Read_AssigneeKnownFromCaller_IsAccepted()
    {
        var known = new HashSet<string> { "Kita@City.Example.JP" };

        var result = ReadFiles(Utf8(Csv(JapaneseTasks[..2])), "tasks.csv", known: known);

        Assert.True(result.IsValid);
        Assert.Empty(result.Members);
    }
}
