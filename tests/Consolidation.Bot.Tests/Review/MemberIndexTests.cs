using Consolidation.Bot.Domain;
using Consolidation.Bot.Review;

namespace Consolidation.Bot.Tests.Review;

/// <summary>The snapshot's member look-ups go through an index built once per members list; they answer as a scan did.</summary>
public class MemberIndexTests
{
    private static readonly Member[] Members =
    [
        new() { Email = "sato.k@city.example.jp", Name = "佐藤 健一", AadObjectId = "AAD-SATO-K" },
        new() { Email = "kita@city.example.jp", Name = "北 区長" },
        new() { Email = "sato.k@city.example.jp", Name = "佐藤 健一（重複）", AadObjectId = "aad-other" },
    ];

    private static readonly ReviewSnapshot Snapshot = new("r", "review", 1, [], Members, []);

    [Theory]
    [InlineData(" Sato.K@City.Example.JP ", "佐藤 健一")]
    [InlineData("kita@city.example.jp", "北 区長")]
    public void MemberByEmail_NormalisedOnce_TheFirstOfTheRosterWins(string email, string name) =>
        Assert.Equal(name, Snapshot.MemberByEmail(email)!.Name);

    [Fact]
    public void MemberByAadObjectId_IgnoresCase_MembersWithoutOneAreNotFoundByIt()
    {
        Assert.Equal("佐藤 健一", Snapshot.MemberByAadObjectId("aad-sato-k")!.Name);
        Assert.Equal("佐藤 健一（重複）", Snapshot.MemberByAadObjectId("AAD-OTHER")!.Name);
        Assert.Null(Snapshot.MemberByAadObjectId(""));
    }

    [Fact]
    public void Unknown_Null() => Assert.Null(Snapshot.MemberByEmail("nobody@city.example.jp"));

    [Fact]
    public void AnotherSnapshotOfTheSameList_SharesTheIndex_ANewListGetsItsOwn()
    {
        var same = Snapshot with { Name = "again" };
        var other = Snapshot with { Members = [new Member { Email = "new@city.example.jp", Name = "新" }] };

        Assert.Same(Snapshot.MemberByEmail("kita@city.example.jp"), same.MemberByEmail("kita@city.example.jp"));
        Assert.Null(other.MemberByEmail("kita@city.example.jp"));
        Assert.Equal("新", other.MemberByEmail("NEW@city.example.jp")!.Name);
    }
}
