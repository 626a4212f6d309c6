using Consolidation.Bot.Domain;
using Consolidation.Bot.Import;
using static Consolidation.Bot.Tests.Import.ImportFiles;

namespace Consolidation.Bot.Tests.Import;

public class MemberFileTests
{
    private static ImportResult ReadMembers(string[][] members, System.Globalization.CultureInfo? culture = null) =>
        ReadFiles(Utf8(Csv([JapaneseTasks[0]])), "tasks.csv", Utf8(Csv(members)), "members.csv", culture);

    [Fact]
    public void Read_RolesInBothLanguages_MapsRoles()
    {
        string[][] file =
        [
            ["email", "name", "role", "subcommittee", "aad_object_id"],
            ["a@city.example.jp", "A", "member", "福祉", ""],
            ["b@city.example.jp", "B", "部会長", "こども", "6f1d2c3b-1111-2222-3333-444455556666"],
            ["c@city.example.jp", "C", "事務局", "", ""],
            ["d@city.example.jp", "D", "Council", "", ""],
            ["e@city.example.jp", "E", "委員", "人事", ""],
            ["f@city.example.jp", "F", "ｌｅａｄ", "環境", ""],
        ];

        var result = ReadMembers(file);

        Assert.Empty(result.Errors);
        Assert.Equal(
            [MemberRole.Member, MemberRole.Lead, MemberRole.Secretariat, MemberRole.Council, MemberRole.Member, MemberRole.Lead],
            result.Members.Select(m => m.Role));
        Assert.Equal("6f1d2c3b-1111-2222-3333-444455556666", result.Members[1].AadObjectId);
        Assert.Empty(result.Members[2].Subcommittees);
    }

    [Fact]
    public void Read_BureauContacts_NameTheirBureau_NeedNoSubcommittee_MissingBureauIsAnError()
    {
        string[][] file =
        [
            ["メールアドレス", "氏名", "役割", "部会", "オブジェクトID", "所管局", "よみ"],
            ["a@city.example.jp", "A", "所管部局", "", "", "福祉局", "えー"],
            ["b@city.example.jp", "B", "bureau;推進会議", "", "", "こども青少年局"],
            ["c@city.example.jp", "C", "所管局担当", "", "", ""],
            ["d@city.example.jp", "D", "担当区長", "福祉", "", "福祉局"],
        ];

        var error = Assert.Single(ReadMembers(file).Errors);
        Assert.Equal((4, "所管局"), (error.Row, error.Column));

        var result = ReadMembers([.. file.Where(r => r[0] != "c@city.example.jp")]);
        Assert.Empty(result.Errors);
        Assert.Equal(["福祉局", "こども青少年局"], result.Members.Where(m => m.HasRole(MemberRole.Bureau)).Select(m => m.Bureau));
        Assert.Equal([MemberRole.Bureau, MemberRole.Council], result.Members[1].Roles);
        Assert.Null(result.Members.Single(m => m.Email == "d@city.example.jp").Bureau);
        Assert.Equal(("えー", (string?)null), (result.Members[0].Reading, result.Members[1].Reading));
    }

    [Theory]
    [InlineData("福祉;こども")]
    [InlineData("福祉・健康部会、こども・教育部会")]
    [InlineData("福祉/こども")]
    [InlineData("福祉,こども")]
    [InlineData("Welfare & Health; Children & Education")]
    public void Read_SeveralSubcommittees_SplitsOnSeparators(string cell)
    {
        var result = ReadMembers([Members[0], ["a@city.example.jp", "A", "委員", cell]]);

        Assert.Equal([Subcommittee.WelfareHealth, Subcommittee.ChildrenEducation], Assert.Single(result.Members).Subcommittees);
    }

    [Fact]
    public void Read_EnglishNameWithComma_IsOneSubcommittee()
    {
        var result = ReadMembers([Members[0], ["a@city.example.jp", "A", "委員", "Living, Safety & Disaster Prevention"]]);

        Assert.Equal([Subcommittee.LivingSafety], Assert.Single(result.Members).Subcommittees);
    }

    [Fact]
    public void Read_BadMemberRows_ReportsEveryError()
    {
        string[][] file =
        [
            ["メールアドレス", "氏名", "役割", "部会"],
            ["A@City.Example.jp", "A", "委員", "福祉"],
            ["bad-email", "B", "委員", "福祉"],
            ["a@city.example.jp", "A2", "委員", "福祉"],
            ["c@city.example.jp", "", "社長", "福祉"],
            ["d@city.example.jp", "D", "部会長", ""],
            ["e@city.example.jp", "E", "委員", "福祉;宇宙"],
        ];

        var result = ReadMembers(file, Japanese);

        Assert.False(result.IsValid);
        Assert.Empty(result.Members);
        Assert.Equal(
            [
                (3, "メールアドレス", ImportErrorCodes.BadEmail),
                (4, "メールアドレス", ImportErrorCodes.DuplicateEmail),
                (5, "役割", ImportErrorCodes.UnknownRole),
                (5, "氏名", ImportErrorCodes.Required),
                (6, "部会", ImportErrorCodes.Required),
                (7, "部会", ImportErrorCodes.UnknownSubcommittee),
            ],
            result.Errors.Select(e => (e.Row, e.Column, e.Code)).OrderBy(e => e.Row).ThenBy(e => e.Column, StringComparer.Ordinal));
        Assert.All(result.Errors, e => Assert.Equal("members.csv", e.File));
        Assert.Contains("4行目 メールアドレス: メールアドレス「a@city.example.jp」が重複しています（最初は2行目）", result.Errors.Select(e => e.Message));
        Assert.Contains("7行目 部会: 不明な部会「宇宙」です", result.Errors.Select(e => e.Message));
    }

    [Fact]
    public void Read_MemberWithOtherErrors_StillCountsAsKnownAssignee()
    {
        string[][] members = [Members[0], ["kita@city.example.jp", "北区長", "社長", "くらし"]];

        var result = ReadFiles(Utf8(Csv(JapaneseTasks[..2])), "tasks.csv", Utf8(Csv(members)), "members.csv");

        Assert.Equal(ImportErrorCodes.UnknownRole, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Read_EmailIsNormalized()
    {
        var result = ReadMembers([Members[0], [" ＫＩＴＡ@City.Example.JP ", "北", "委員", "くらし"]]);

        Assert.Equal("kita@city.example.jp", Assert.Single(result.Members).Email);
    }

    [Fact]
    public void Read_SameObjectIdOnTwoRows_IsARowErrorNamingTheFirstRow()
    {
        string[][] file =
        [
            ["email", "name", "role", "subcommittee", "aad_object_id"],
            ["a@city.example.jp", "A", "member", "福祉", "6f1d2c3b-1111-2222-3333-444455556666"],
            ["b@city.example.jp", "B", "member", "福祉", "6F1D2C3B-1111-2222-3333-444455556666"],
        ];

        var result = ReadMembers(file);

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, ImportErrorCodes.DuplicateObjectId), (error.Row, error.Code));
        Assert.Contains("first on row 2", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Members);
    }

    [Fact]
    public void Read_CouncilRosterWordsOverviewAndSeveralRoles_MappedToTheRightRoles()
    {
        string[][] file =
        [
            ["email", "name", "role", "subcommittee"],
            ["leader@city.example.jp", "区長会議議長", "リーダー", ""],
            ["sub@city.example.jp", "市民局長", "サブリーダー", ""],
            ["m@city.example.jp", "デジタル統括室長", "メンバー", ""],
            ["k@city.example.jp", "人事・財政部会", "全体総括", ""],
            ["both@city.example.jp", "北区長", "部会長;推進会議", "福祉"],
            ["three@city.example.jp", "南区長", "担当区長、推進会議／全体総括", "こども"],
        ];

        var result = ReadMembers(file);

        Assert.Empty(result.Errors);
        Assert.Equal([MemberRole.Council, MemberRole.Council, MemberRole.Council, MemberRole.Overview], result.Members.Take(4).Select(m => m.Role));
        var both = result.Members[4];
        Assert.True(both.HasRole(MemberRole.Lead) && both.HasRole(MemberRole.Council) && !both.IsSecretariat);
        Assert.Equal([MemberRole.Member, MemberRole.Council, MemberRole.Overview], result.Members[5].Roles);
    }

    [Fact]
    public void Read_OneUnknownWordAmongSeveralRoles_IsARowErrorNamingIt()
    {
        string[][] file = [["email", "name", "role", "subcommittee"], ["x@city.example.jp", "X", "部会長;社長", "福祉"]];

        var error = Assert.Single(ReadMembers(file).Errors);

        Assert.Equal(ImportErrorCodes.UnknownRole, error.Code);
        Assert.Contains("社長", error.Message, StringComparison.Ordinal);
    }
}
