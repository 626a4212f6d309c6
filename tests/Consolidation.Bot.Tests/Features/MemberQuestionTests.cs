using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Status;
using Consolidation.Bot.Features.Status.Understanding;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Tests.Features;

/// <summary>
/// A person named with さん: the answer covers their tasks only; a name that matches several members or none is said,
/// never answered for someone; a member may ask about themselves, not about another (the secretariat about anyone).
/// </summary>
public class MemberQuestionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 9, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 9);
    private static readonly Member SatoK = new() { Email = "sato.k@city.example.jp", Name = "佐藤 健一", Reading = "さとう けんいち", Subcommittees = [Subcommittee.WelfareHealth] };
    private static readonly Member SatoH = new() { Email = "sato.h@city.example.jp", Name = "佐藤 花子", Reading = "さとう はなこ", Subcommittees = [Subcommittee.WelfareHealth] };
    private static readonly Member Kita = new() { Email = "kita@city.example.jp", Name = "北 一郎", Reading = "キタ イチロウ", Subcommittees = [Subcommittee.WelfareHealth] };
    private static readonly Member Secretariat = new() { Email = "sec@city.example.jp", Name = "事務局", Role = MemberRole.Secretariat };

    private static readonly Consolidation.Bot.Review.ReviewSnapshot Review = new("r", "テスト", 1,
        [Task("J-0001", SatoK), Task("J-0002", SatoK), Task("J-0003", SatoH), Task("J-0004", Kita)],
        [SatoK, SatoH, Kita, Secretariat], []);

    private static ReviewTask Task(string id, Member assignee) => new(
        new TaskDefinition { Id = id, Name = "事務" + id, Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth, Assignee = assignee.Email },
        TaskState.New(id));

    private static StatusAnswers Answers => new(Review, Now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"), new BotText(BotCultures.Japanese));

    [Theory]
    [InlineData("佐藤健一さんの担当は何件？", "佐藤 健一", "2件")]
    [InlineData("佐藤 花子さんの進捗", "佐藤 花子", "1件")]
    [InlineData("北さんの状況を教えて", "北 一郎", "1件")]
    [InlineData("さとうけんいちさんの担当は何件？", "佐藤 健一", "2件")] // by the reading the member file gives
    [InlineData("サトウハナコさんの進捗", "佐藤 花子", "1件")]
    [InlineData("きたさんの状況", "北 一郎", "1件")]
    public void OnePerson_TheirTasksOnly(string phrasing, string name, string inventory)
    {
        var intent = StatusQuestionRecognizer.Recognize(phrasing, Today)!;

        var model = Answers.Compose(intent)!;

        Assert.NotNull(intent.Member);
        Assert.StartsWith(name + ":", model.Title, StringComparison.Ordinal);
        Assert.Equal(inventory, model.Figures[0].Value);
    }

    [Theory]
    [InlineData("佐藤さんの担当は何件？", "複数います（佐藤 健一、佐藤 花子）")]
    [InlineData("山田さんの進捗は？", "「山田」さんは名簿にいません")]
    [InlineData("さとうさんの担当は何件？", "複数います（佐藤 健一、佐藤 花子）")]
    public void SeveralOrNone_SaidNeverGuessed(string phrasing, string expected)
    {
        var model = Answers.Compose(StatusQuestionRecognizer.Recognize(phrasing, Today)!)!;

        Assert.Contains(expected, model.Title, StringComparison.Ordinal);
        Assert.Empty(model.Figures);
    }

    [Fact]
    public void AMember_MayAskAboutThemselves_NotAboutAnother()
    {
        var aboutOther = StatusQuestionRecognizer.Recognize("北さんの状況を教えて", Today)!;
        var aboutSelf = StatusQuestionRecognizer.Recognize("佐藤健一さんの状況を教えて", Today)!;

        Assert.Equal(StatusAccess.SecretariatOnly, StatusAccessPolicy.Check(aboutOther, SatoK, Review.Tasks));
        Assert.Equal(StatusAccess.Allowed, StatusAccessPolicy.Check(aboutSelf, SatoK, Review.Tasks));
        Assert.Equal(StatusAccess.Allowed, StatusAccessPolicy.Check(aboutOther, Secretariat, Review.Tasks));
        Assert.True(StatusAccessPolicy.IsForAskerOnly(aboutOther));
    }

    [Theory]
    [InlineData("皆さんの進捗は？")]
    [InlineData("全体の進捗は？")]
    public void NoPersonNamed_NoPersonRead(string phrasing) =>
        Assert.Null(StatusQuestionRecognizer.Recognize(phrasing, Today)?.Member);
}
