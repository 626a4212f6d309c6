using Consolidation.Bot.Domain;
using Consolidation.Bot.Review;

namespace Consolidation.Bot.Tests.Review;

public class MemberLookupTests
{
    private static readonly Member[] Members =
    [
        new() { Email = "sato.k@city.example.jp", Name = "佐藤 健一" },
        new() { Email = "sato.h@city.example.jp", Name = "佐藤 花子" },
        new() { Email = "kita@city.example.jp", Name = "北 区長" },
    ];

    [Theory]
    [InlineData("佐藤 健一", "sato.k@city.example.jp")]
    [InlineData("佐藤健一", "sato.k@city.example.jp")]
    [InlineData("佐藤　健一", "sato.k@city.example.jp")]
    [InlineData("Sato.H@City.Example.JP", "sato.h@city.example.jp")]
    [InlineData("北", "kita@city.example.jp")]
    public void Find_ByNameOrEmail_OneMember(string text, string email) =>
        Assert.Equal(email, Assert.Single(MemberLookup.Find(Members, text)).Email);

    [Theory]
    [InlineData("佐藤", 2)]
    [InlineData("山田", 0)]
    [InlineData("", 0)]
    [InlineData("nobody@city.example.jp", 0)]
    public void Find_SeveralOrNone_ReturnedAsTheyAre(string text, int count) =>
        Assert.Equal(count, MemberLookup.Find(Members, text).Count);

    [Fact]
    public void FindLeading_TheLongestNamingPrefix_TheRestIsTheReason()
    {
        var (member, _, rest) = MemberLookup.FindLeading(Members, "佐藤 健一 育児休業のため 交代");

        Assert.Equal("sato.k@city.example.jp", member!.Email);
        Assert.Equal("育児休業のため 交代", rest);
    }

    [Fact]
    public void FindLeading_AmbiguousName_CandidatesNoMember()
    {
        var (member, candidates, _) = MemberLookup.FindLeading(Members, "佐藤 急ぎ");

        Assert.Null(member);
        Assert.Equal(2, candidates.Count);
    }
}
