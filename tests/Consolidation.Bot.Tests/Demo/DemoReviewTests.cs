using System.Text.Json;
using Consolidation.Bot.Demo;
using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Tests.Demo;

public sealed class DemoReviewTests
{
    private static readonly DemoReviewData Review = DemoReview.Create();

    [Fact]
    public void Create_DefaultSeed_Has812TasksWithUniqueIdsAndNames()
    {
        Assert.Equal(812, Review.Tasks.Count);
        Assert.Equal(812, Review.Tasks.Select(t => t.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(812, Review.Tasks.Select(t => t.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("J-0001", Review.Tasks[0].Id);
        Assert.Equal("J-0812", Review.Tasks[^1].Id);
        Assert.All(Review.Tasks, t => Assert.Matches(@"^J-\d{4}$", t.Id));
    }

    [Fact]
    public void Create_DefaultSeed_TasksAreCompleteAndPlausible()
    {
        Assert.All(Review.Tasks, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Name));
            Assert.False(string.IsNullOrWhiteSpace(t.Bureau));
            Assert.True(t.AnnualCases is null or >= 0 and <= AnswerErrors.MaxAnnualCases);
            Assert.True(t.StaffHours is null or >= 0 and <= AnswerErrors.MaxStaffHours);
            Assert.True(t.StaffHours is null || t.AnnualCases is not null);
        });
        Assert.InRange(Review.Tasks.Count(t => t.AnnualCases is not null), 700, 812);
        Assert.InRange(Review.Tasks.Count(t => t.StaffHours is not null), 650, 812);
    }

    [Fact]
    public void Create_DefaultSeed_EverySubcommitteeHasTasksAndTwoOrMoreAssigneesWhoAreItsMembers()
    {
        var members = Review.Members.ToDictionary(m => Member.NormalizeEmail(m.Email), StringComparer.Ordinal);
        foreach (var subcommittee in Subcommittees.All)
        {
            var tasks = Review.Tasks.Where(t => t.Subcommittee == subcommittee).ToList();
            Assert.Equal(DemoReview.TaskCounts[subcommittee], tasks.Count);
            var assignees = tasks.Select(t => Member.NormalizeEmail(t.Assignee)).Distinct(StringComparer.Ordinal).ToList();
            Assert.InRange(assignees.Count, 2, 3);
            Assert.All(assignees, a => Assert.Contains(subcommittee, members[a].Subcommittees));
        }
    }

    [Fact]
    public void Create_DefaultSeed_EachSubcommitteeLedByItsPlaygroundUser()
    {
        var expected = new Dictionary<Subcommittee, (string Email, string Aad)>
        {
            [Subcommittee.WelfareHealth] = ("kenichi.sato@city.example.jp", "9a1e0000-0000-4000-8000-000000000002"),
            [Subcommittee.ChildrenEducation] = ("misaki.suzuki@city.example.jp", "9a1e0000-0000-4000-8000-000000000003"),
            [Subcommittee.PersonnelFinance] = ("makoto.takahashi@city.example.jp", "9a1e0000-0000-4000-8000-000000000004"),
            [Subcommittee.LivingSafety] = ("yumi.tanaka@city.example.jp", "9a1e0000-0000-4000-8000-000000000005"),
            [Subcommittee.TownDevelopment] = ("sho.ito@city.example.jp", "9a1e0000-0000-4000-8000-000000000006"),
        };
        foreach (var (subcommittee, (email, aad)) in expected)
        {
            var lead = Assert.Single(Review.Members, m => m.Role == MemberRole.Lead && m.Subcommittees.Contains(subcommittee));
            Assert.Equal(email, lead.Email);
            Assert.Equal(aad, lead.AadObjectId);
            Assert.Contains(Review.Tasks, t => t.Subcommittee == subcommittee && t.Assignee == email);
        }
    }

    [Fact]
    public void Create_DefaultSeed_SecretariatIsPlaygroundCurrentUserAndAssigneeOfFiveWelfareTasks()
    {
        var secretariat = Assert.Single(Review.Members, m => m.IsSecretariat);
        Assert.Equal("hanako.yamada@city.example.jp", secretariat.Email);
        Assert.Equal("9a1e0000-0000-4000-8000-000000000001", secretariat.AadObjectId);
        Assert.Equal("山田 花子", secretariat.Name);

        var own = Review.Tasks.Where(t => t.Assignee == secretariat.Email).ToList();
        Assert.Equal(5, own.Count);
        Assert.All(own, t => Assert.Equal(Subcommittee.WelfareHealth, t.Subcommittee));
    }

    [Fact]
    public void Create_DefaultSeed_OnlyPlaygroundUsersHaveEntraIdsAndEmailsAreUnique()
    {
        var withAad = Review.Members.Where(m => m.AadObjectId is not null).ToList();
        Assert.Equal(6, withAad.Count);
        Assert.Equal(6, withAad.Select(m => m.AadObjectId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Review.Members.Count, Review.Members.Select(m => Member.NormalizeEmail(m.Email)).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Review.Members, m => Assert.EndsWith("@city.example.jp", m.Email, StringComparison.Ordinal));
        Assert.InRange(Review.Members.Count(m => m.Role == MemberRole.Council), 1, 2);
    }

    [Fact]
    public void Create_DefaultSeed_EveryAssigneeIsAMember()
    {
        var emails = Review.Members.Select(m => Member.NormalizeEmail(m.Email)).ToHashSet(StringComparer.Ordinal);
        Assert.All(Review.Tasks, t => Assert.Contains(Member.NormalizeEmail(t.Assignee), emails));
    }

    [Theory]
    [InlineData(PrecedingTheme.ReceivablesManagement)]
    [InlineData(PrecedingTheme.OfficialRequests)]
    [InlineData(PrecedingTheme.EnclosingSealing)]
    public void Create_DefaultSeed_ThemeOnAHandfulOfTasks(PrecedingTheme theme) =>
        Assert.InRange(Review.Tasks.Count(t => t.Theme == theme), 3, 10);

    [Fact]
    public void Create_DefaultSeed_StandardBusinessesAreFromTheTwentyOnAPlausibleSubset()
    {
        string[] twenty =
        [
            "住民基本台帳", "戸籍", "戸籍附票", "印鑑登録", "選挙人名簿管理", "固定資産税", "個人住民税", "法人住民税", "軽自動車税", "国民健康保険",
            "国民年金", "障害者福祉", "後期高齢者医療", "介護保険", "児童手当", "子ども・子育て支援", "就学", "健康管理", "生活保護", "児童扶養手当",
        ];
        var related = Review.Tasks.Where(t => t.StandardBusiness is not null).ToList();
        Assert.All(related, t => Assert.Contains(t.StandardBusiness, twenty));
        Assert.InRange(related.Count, 200, 600);
        Assert.Equal(twenty.Length, related.Select(t => t.StandardBusiness).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Create_SameSeed_ReturnsEqualData() =>
        Assert.Equal(Json(DemoReview.Create(7)), Json(DemoReview.Create(7)));

    [Fact]
    public void Create_DifferentSeed_DrawsDifferentTasks() =>
        Assert.NotEqual(Json(DemoReview.Create(1)), Json(DemoReview.Create(2)));

    private static string Json(DemoReviewData data) => JsonSerializer.Serialize(data);
}
