using ClosedXML.Excel;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Export;
using Consolidation.Bot.Import;
using Consolidation.Bot.Tests.Import;

namespace Consolidation.Bot.Tests.Export;

public class ReviewWorkbookWriterTests
{
    private static readonly TimeZoneInfo Jst = TimeZoneInfo.CreateCustomTimeZone("JST", TimeSpan.FromHours(9), "JST", "JST");
    private static readonly DateTimeOffset T0 = new(2025, 4, 1, 0, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Write_Model_HasThreeSheetsWithJapaneseHeaders()
    {
        using var workbook = WriteAndOpen(Model());

        Assert.Equal([ExportHeaders.TasksSheet, ExportHeaders.FunnelSheet, ExportHeaders.HistorySheet], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal("事務一覧", ExportHeaders.TasksSheet);
        Assert.Equal(ExportHeaders.Tasks, HeaderRow(workbook.Worksheet(1)));
        Assert.Equal(ExportHeaders.Funnel, HeaderRow(workbook.Worksheet(2)));
        Assert.Equal(ExportHeaders.History, HeaderRow(workbook.Worksheet(3)));
        Assert.Contains("判断", ExportHeaders.Tasks);
        Assert.Contains("適否未回答", ExportHeaders.Funnel);
    }

    [Fact]
    public void Write_FunnelSheet_EqualsReviewQueries()
    {
        var model = Model();
        using var workbook = WriteAndOpen(model);
        var sheet = workbook.Worksheet(ExportHeaders.FunnelSheet);
        var expected = ReviewQueries.FunnelBySubcommittee(model.Tasks);

        var r = 2;
        foreach (var s in Subcommittees.All)
        {
            Assert.Equal(s.JapaneseName(), sheet.Cell(r, 1).GetString());
            Assert.Equal(FunnelValues(expected[s]), RowNumbers(sheet, r++));
        }

        Assert.Equal(ExportHeaders.Total, sheet.Cell(r, 1).GetString());
        Assert.Equal(FunnelValues(ReviewQueries.Funnel(model.Tasks)), RowNumbers(sheet, r));
        Assert.Equal([5, 3, 1, 1, 2, 0, 1, 1, 1, 0, 0], RowNumbers(sheet, r));
    }

    [Fact]
    public void Write_TaskRows_ShowDecisionLocalTimeDeadlineAndName()
    {
        using var workbook = WriteAndOpen(Model());
        var sheet = workbook.Worksheet(ExportHeaders.TasksSheet);
        var row = FindRow(sheet, "T-003");

        Assert.Equal("福祉・健康部会", Cell(sheet, row, "部会").GetString());
        Assert.Equal("南区長", Cell(sheet, row, "担当者名").GetString());
        // A continue-later task has been decided, not "closed": 判断済 as its stage, the outcome in the seed's words beside it.
        Assert.Equal("判断済", Cell(sheet, row, "段階").GetString());
        Assert.Equal("引き続き検討予定", Cell(sheet, row, "判断").GetString());
        Assert.Equal(new DateTime(2025, 4, 3, 18, 30, 0), Cell(sheet, row, "最終回答日時").GetDateTime());

        var pending = FindRow(sheet, "T-004");
        Assert.Equal("プレWG", Cell(sheet, pending, "段階").GetString());
        Assert.Equal("", Cell(sheet, pending, "判断").GetString());
        Assert.Equal(new DateTime(2025, 4, 30, 17, 0, 0), Cell(sheet, pending, "期限").GetDateTime());
    }

    [Fact]
    public void Write_TaskRows_ShowWhereItGoesWhenItComesBackAndWhatItNeeds()
    {
        using var workbook = WriteAndOpen(Model());
        var sheet = workbook.Worksheet(ExportHeaders.TasksSheet);
        var later = FindRow(sheet, "T-003");
        var done = FindRow(sheet, "T-005");
        var pending = FindRow(sheet, "T-004");

        Assert.Equal("所管局（債権管理課）", Cell(sheet, later, "集約先").GetString());
        Assert.Equal("はい", Cell(sheet, later, "一部集約").GetString());
        Assert.Equal("日付", Cell(sheet, later, "再検討のきっかけ").GetString());
        Assert.Equal(new DateTime(2027, 3, 31), Cell(sheet, later, "再検討の目安日").GetDateTime());
        Assert.Equal("標準化の移行後に判断", Cell(sheet, later, "理由・課題").GetString());

        Assert.Equal("集約化等実施済", Cell(sheet, done, "判断").GetString());
        Assert.Equal("事務センター", Cell(sheet, done, "集約先").GetString());
        Assert.Equal("会計年度任用職員2名", Cell(sheet, done, "体制・予算措置").GetString());
        Assert.Equal("", Cell(sheet, done, "再検討のきっかけ").GetString());

        Assert.Equal("r", Cell(sheet, FindRow(sheet, "0012"), "理由・課題").GetString());
        Assert.All(OutcomeHeaders, h => Assert.Equal("", Cell(sheet, pending, h).GetString()));
    }

    private static readonly string[] OutcomeHeaders = ["集約先", "一部集約", "再検討のきっかけ", "再検討の目安日", "体制・予算措置", "理由・課題"];

    [Fact]
    public void Write_HistoryRows_LocalTimeNamesAndLateMark()
    {
        using var workbook = WriteAndOpen(Model());
        var sheet = workbook.Worksheet(ExportHeaders.HistorySheet);

        Assert.Equal("T-003", sheet.Cell(2, 1).GetString());
        Assert.Equal(new DateTime(2025, 4, 1, 9, 30, 0), sheet.Cell(2, 2).GetDateTime());
        Assert.Equal("南区長", sheet.Cell(2, 3).GetString());
        Assert.Equal(3, sheet.Cell(2, 6).GetValue<int>());
        Assert.Equal("期限後", sheet.Cell(3, 8).GetString());
        Assert.Equal("", sheet.Cell(2, 8).GetString());
    }

    [Fact]
    public void Write_ThenImport_PreservesTasks()
    {
        var model = Model();
        using var stream = new MemoryStream();
        ReviewWorkbookWriter.Write(stream, model);
        stream.Position = 0;
        var known = new HashSet<string>(model.Tasks.Select(t => t.Definition.Assignee));

        var result = ReviewFileImporter.Read(stream, "export.xlsx", null, null, known, ImportFiles.Japanese);

        Assert.Empty(result.Errors);
        var expected = model.Tasks.Select(t => t.Definition).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Count, result.Tasks.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            FileFormatTests.AssertSameTask(expected[i], result.Tasks[i]);
        }
    }

    private static ReviewExportModel Model()
    {
        TaskDefinition Def(string id, Subcommittee s, string assignee, PrecedingTheme? theme = null, int? cases = null, decimal? hours = null) => new()
        {
            Id = id, Name = $"事務{id}", Bureau = "市民局", Subcommittee = s, Assignee = assignee,
            Theme = theme, StandardBusiness = theme is null ? null : "住民記録", AnnualCases = cases, StaffHours = hours,
        };
        StageOutcome Outcome(StageAnswer answer, int hours) => new() { Answer = answer, AnsweredBy = "minami@city.example.jp", AnsweredAt = T0.AddHours(hours) };

        var tasks = new List<ReviewTask>
        {
            new(Def("T-001", Subcommittee.LivingSafety, "kita@city.example.jp", PrecedingTheme.OfficialRequests, 1200, 350.5m),
                new TaskState { TaskId = "T-001", Stage = Stage.Wg, PreWg = Outcome(new PreWgAnswer { Decision = PreWgDecision.Keep }, 1) }),
            new(Def("0012", Subcommittee.PersonnelFinance, "kita@city.example.jp", PrecedingTheme.EnclosingSealing, 0, 0.1m),
                new TaskState { TaskId = "0012", Stage = Stage.Closed, PreWg = Outcome(new PreWgAnswer { Decision = PreWgDecision.Exclude, Reason = "r" }, 2) }),
            new(Def("T-003", Subcommittee.WelfareHealth, "minami@city.example.jp", PrecedingTheme.ReceivablesManagement),
                new TaskState
                {
                    TaskId = "T-003", Stage = Stage.Closed,
                    PreWg = Outcome(new PreWgAnswer { Decision = PreWgDecision.Keep }, 0),
                    Wg = Outcome(new WgAnswer { Decision = WgDecision.StudyTarget, Destination = Destination.Bureau, DestinationNote = "債権管理課", Partial = true, Issues = "窓口の相談は区に残る" }, 24),
                    Suitability = Outcome(new SuitabilityAnswer { Decision = SuitabilityDecision.ContinueLater, Trigger = RevisitTrigger.Date, RevisitDate = new DateOnly(2027, 3, 31), Reason = "標準化の移行後に判断" }, 57),
                }),
            new(Def("T-005", Subcommittee.PersonnelFinance, "kita@city.example.jp"),
                new TaskState
                {
                    TaskId = "T-005", Stage = Stage.Closed,
                    PreWg = Outcome(new PreWgAnswer { Decision = PreWgDecision.Keep }, 0),
                    Wg = Outcome(new WgAnswer { Decision = WgDecision.StudyTarget, DestinationNote = "事務センター" }, 24),
                    Suitability = Outcome(new SuitabilityAnswer { Decision = SuitabilityDecision.Done, StaffingBudget = "会計年度任用職員2名" }, 60),
                }),
            new(Def("T-004", Subcommittee.ChildrenEducation, "higashi@city.example.jp"), new TaskState { TaskId = "T-004", Stage = Stage.PreWg }),
        };
        return new ReviewExportModel
        {
            Tasks = tasks,
            TimeZone = Jst,
            MemberNames = new Dictionary<string, string> { ["minami@city.example.jp"] = "南区長", ["kita@city.example.jp"] = "北区長" },
            Windows =
            [
                new StageWindow { Stage = Stage.PreWg, Subcommittee = Subcommittee.ChildrenEducation, OpenedAt = T0, Deadline = new DateTimeOffset(2025, 4, 30, 8, 0, 0, TimeSpan.Zero) },
            ],
            History =
            [
                new HistoryRow("T-001", T0.AddHours(1), "minami@city.example.jp", "回答", "プレWG", 1, "残す", Late: true),
                new HistoryRow("T-003", T0, "Minami@City.Example.jp", "回答", "プレWG", 3, "残す", Late: false),
            ],
        };
    }

    private static XLWorkbook WriteAndOpen(ReviewExportModel model)
    {
        var stream = new MemoryStream();
        ReviewWorkbookWriter.Write(stream, model);
        stream.Position = 0;
        return new XLWorkbook(stream);
    }

    private static List<string> HeaderRow(IXLWorksheet sheet) =>
        Enumerable.Range(1, sheet.LastColumnUsed().ColumnNumber()).Select(c => sheet.Cell(1, c).GetString()).ToList();

    private static int FindRow(IXLWorksheet sheet, string id) =>
        Enumerable.Range(2, sheet.LastRowUsed().RowNumber() - 1).Single(r => sheet.Cell(r, 1).GetString() == id);

    private static IXLCell Cell(IXLWorksheet sheet, int row, string header) =>
        sheet.Cell(row, HeaderRow(sheet).IndexOf(header) + 1);

    private static List<int> RowNumbers(IXLWorksheet sheet, int row) =>
        Enumerable.Range(2, ExportHeaders.Funnel.Count - 1).Select(c => sheet.Cell(row, c).GetValue<int>()).ToList();

    private static List<int> FunnelValues(Funnel f) =>
    [
        f.Inventory, f.PreWgKept, f.PreWgExcluded, f.PreWgPending, f.WgStudyTargets, f.WgNotTargets, f.WgPending,
        f.SuitabilityDone, f.SuitabilityContinueLater, f.SuitabilityClosed, f.SuitabilityPending,
    ];
}
