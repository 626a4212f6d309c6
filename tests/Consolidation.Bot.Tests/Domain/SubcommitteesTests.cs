using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Tests.Domain;

public class SubcommitteesTests
{
    [Theory]
    [InlineData("福祉・健康部会", Subcommittee.WelfareHealth)]
    [InlineData("福祉健康部会", Subcommittee.WelfareHealth)]
    [InlineData("福祉", Subcommittee.WelfareHealth)]
    [InlineData("福祉・健康", Subcommittee.WelfareHealth)]
    [InlineData("Welfare & Health", Subcommittee.WelfareHealth)]
    [InlineData("こども", Subcommittee.ChildrenEducation)]
    [InlineData("子ども・教育部会", Subcommittee.ChildrenEducation)]
    [InlineData("人事財政", Subcommittee.PersonnelFinance)]
    [InlineData("人事・財政部会", Subcommittee.PersonnelFinance)]
    [InlineData("くらし・安全・防災部会", Subcommittee.LivingSafety)]
    [InlineData("暮らし", Subcommittee.LivingSafety)]
    [InlineData("まちづくり", Subcommittee.TownDevelopment)]
    [InlineData("ＷｅｌｆａｒｅＨｅａｌｔｈ", Subcommittee.WelfareHealth)]
    public void Parse_KnownSpelling_ReturnsSubcommittee(string text, Subcommittee expected)
    {
        Assert.Equal(expected, Subcommittees.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("総務部会")]
    [InlineData("7")]
    public void Parse_Unknown_ReturnsNull(string text)
    {
        Assert.Null(Subcommittees.Parse(text));
    }
}
