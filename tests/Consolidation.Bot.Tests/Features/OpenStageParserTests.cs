using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Questionnaire;

namespace Consolidation.Bot.Tests.Features;

public class OpenStageParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("open prewg 福祉・健康部会 2026-12-20", Stage.PreWg, "WelfareHealth", "2026-12-20")]
    [InlineData("open prewg all 2026-12-20", Stage.PreWg, "all", "2026-12-20")]
    [InlineData("プレWG開始 福祉 12月20日", Stage.PreWg, "WelfareHealth", "2026-12-20")]
    [InlineData("プレＷＧ開始　こども　１２月２０日", Stage.PreWg, "ChildrenEducation", "2026-12-20")]
    [InlineData("WG開始 全部会 2027年1月15日", Stage.Wg, "all", "2027-01-15")]
    [InlineData("open wg 人事財政 1/15", Stage.Wg, "PersonnelFinance", "2027-01-15")]
    [InlineData("適否開始 くらし まちづくり 2027/2/1", Stage.Suitability, "LivingSafety,TownDevelopment", "2027-02-01")]
    [InlineData("open suitability welfare 2026-11-23", Stage.Suitability, "WelfareHealth", "2026-11-23")]
    [InlineData("Open PreWG 子ども・教育部会 12/1", Stage.PreWg, "ChildrenEducation", "2026-12-01")]
    public void Parse_ValidCommand_ReturnsStageSubcommitteesAndDate(string text, Stage stage, string subcommittees, string date)
    {
        var (request, error) = OpenStageParser.Parse(text, Today);

        Assert.Equal(OpenStageParseError.None, error);
        Assert.Equal(stage, request!.Stage);
        var expected = subcommittees == "all" ? Subcommittees.All : subcommittees.Split(',').Select(Enum.Parse<Subcommittee>).ToList();
        Assert.Equal(expected, request.Subcommittees);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), request.DeadlineDate);
    }

    [Theory]
    [InlineData("open 福祉 2026-12-20", OpenStageParseError.MissingStage)]
    [InlineData("open prewg 2026-12-20", OpenStageParseError.MissingSubcommittee)]
    [InlineData("open prewg 総務部会 2026-12-20", OpenStageParseError.MissingSubcommittee)]
    [InlineData("プレWG開始 福祉", OpenStageParseError.MissingDate)]
    [InlineData("open prewg 福祉 2026-02-30", OpenStageParseError.MissingDate)]
    [InlineData("open prewg 福祉 2026-11-01", OpenStageParseError.DateInPast)]
    public void Parse_Incomplete_ReportsWhatIsMissing(string text, OpenStageParseError expected)
    {
        Assert.Equal(expected, OpenStageParser.Parse(text, Today).Error);
    }

    [Fact]
    public void DeadlineIn_Tokyo_IsEndOfLocalDayInUtc()
    {
        var request = new OpenStageRequest(Stage.PreWg, [Subcommittee.WelfareHealth], new DateOnly(2026, 12, 20));

        var deadline = request.DeadlineIn(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

        Assert.Equal(new DateTimeOffset(2026, 12, 20, 14, 59, 59, TimeSpan.Zero), deadline);
        Assert.Equal(TimeSpan.Zero, deadline.Offset);
    }

    [Theory]
    [InlineData("close prewg 福祉", Stage.PreWg, "WelfareHealth")]
    [InlineData("プレWG終了 全部会", Stage.PreWg, "all")]
    [InlineData("WG終了 こども 人事財政", Stage.Wg, "ChildrenEducation,PersonnelFinance")]
    [InlineData("close suitability all", Stage.Suitability, "all")]
    public void ParseClose_StageAndSubcommittees(string text, Stage stage, string subcommittees)
    {
        var (parsed, list) = OpenStageParser.ParseClose(text);

        Assert.Equal(stage, parsed);
        var expected = subcommittees == "all" ? Subcommittees.All : subcommittees.Split(',').Select(Enum.Parse<Subcommittee>).ToList();
        Assert.Equal(expected, list);
    }

    [Theory]
    [InlineData("close 福祉")]
    [InlineData("close prewg")]
    public void ParseClose_Incomplete_ReturnsNoStageOrNoSubcommittee(string text)
    {
        var (stage, list) = OpenStageParser.ParseClose(text);

        Assert.True(stage is null || list.Count == 0);
    }
}
