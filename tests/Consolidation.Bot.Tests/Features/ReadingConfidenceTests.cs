using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Status.Understanding;

namespace Consolidation.Bot.Tests.Features;

/// <summary>
/// Every reading carries its confidence (issue 17): names as written are exact; a subcommittee read past a typo is
/// approximate (the answer says what it was read as); typos near two subcommittees compete and are asked back.
/// </summary>
public class ReadingConfidenceTests
{
    private static readonly DateOnly Today = new(2026, 12, 9);

    [Theory]
    [InlineData("福祉・健康部会の進捗は？", Subcommittee.WelfareHealth)]
    [InlineData("福址健康部会の状況", Subcommittee.WelfareHealth)] // 健康 is one of its short names, as written
    [InlineData("ふくし・けんこうぶかいの状況", Subcommittee.WelfareHealth)]
    [InlineData("how is welfare doing?", Subcommittee.WelfareHealth)]
    [InlineData("全体の進捗は？", null)]
    public void NamedAsWritten_Exact(string question, Subcommittee? subcommittee)
    {
        var intent = StatusQuestionRecognizer.Recognize(question, Today)!;

        Assert.Equal((ReadingConfidence.Exact, subcommittee), (intent.Confidence, intent.Subcommittee));
    }

    [Theory]
    [InlineData("how is welfair doing?", Subcommittee.WelfareHealth)]
    [InlineData("how is persnnel doing?", Subcommittee.PersonnelFinance)]
    public void PastATypo_Approximate_StillThatSubcommitteeAlone(string question, Subcommittee subcommittee)
    {
        var intent = StatusQuestionRecognizer.Recognize(question, Today)!;

        Assert.Equal((ReadingConfidence.Approximate, subcommittee), (intent.Confidence, intent.Subcommittee));
        Assert.False(intent.IsAmbiguous);
    }

    [Fact]
    public void TyposNearTwoSubcommittees_Compete_AskedBackWithBoth()
    {
        var intent = StatusQuestionRecognizer.Recognize("how are welfair and persnnel doing?", Today)!;

        Assert.True(intent.IsAmbiguous);
        Assert.Null(intent.Subcommittee);
        Assert.Equal([Subcommittee.PersonnelFinance, Subcommittee.WelfareHealth], intent.Candidates!.Order());
    }
}
