using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Status;
using Consolidation.Bot.Features.Status.Understanding;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Tests.Features;

/// <summary>"Since the last digest": read from the question, answered with the answers recorded after the digest only.</summary>
public class SinceDigestTests
{
    private static readonly DateOnly Today = new(2026, 12, 9);
    private static readonly DateTimeOffset Digest = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
    private static readonly Member Kita = new() { Email = "kita@city.example.jp", Name = "北 一郎", Subcommittees = [Subcommittee.WelfareHealth] };
    private static readonly Member Secretariat = new() { Email = "sec@city.example.jp", Name = "事務局", Role = MemberRole.Secretariat };
    private static readonly BotText Ja = new(BotCultures.Japanese);

    [Theory]
    [InlineData("前回のダイジェストから何件回答があった？")]
    [InlineData("ダイジェスト以降の回答は？")]
    [InlineData("what changed since the last digest?")]
    public void Phrasing_ReadAsSinceTheLastDigest(string phrasing) =>
        Assert.True(StatusQuestionRecognizer.Recognize(phrasing, Today)!.SinceLastDigest);

    [Fact]
    public void OnlyTheAnswersAfterTheDigest_CountedInAllAndPerStage()
    {
        var snapshot = new Consolidation.Bot.Review.ReviewSnapshot("r", "テスト", 1,
            [Answered("J-0001", Digest.AddHours(-1)), Answered("J-0002", Digest.AddHours(2)), Answered("J-0003", Digest.AddDays(1)), Unanswered("J-0004")],
            [Kita], []);

        var model = SinceDigestAnswers.Build(snapshot, null, Digest, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"), Ja);

        Assert.Equal("2件", model.Figures[0].Value);
        Assert.Equal(("プレWG", "2件"), (model.Figures[1].Title, model.Figures[1].Value));
        Assert.Equal(["J-0002 事務J-0002（プレWG）", "J-0003 事務J-0003（プレWG）"], model.List);
        Assert.Contains("12月7日 9:00", model.Title, StringComparison.Ordinal); // the digest's time in Tokyo
    }

    [Fact]
    public void NoDigestYet_SaidSo()
    {
        var snapshot = new Consolidation.Bot.Review.ReviewSnapshot("r", "テスト", 1, [Answered("J-0001", Digest)], [Kita], []);

        Assert.Equal("ダイジェストはまだ投稿されていません。", SinceDigestAnswers.Build(snapshot, null, null, TimeZoneInfo.Utc, Ja).Title);
    }

    [Fact]
    public void SinceTheLastDigest_SecretariatOnly_ForTheAskerOnly()
    {
        var intent = StatusQuestionRecognizer.Recognize("前回のダイジェストから何件回答があった？", Today)!;

        Assert.Equal(StatusAccess.SecretariatOnly, StatusAccessPolicy.Check(intent, Kita, []));
        Assert.Equal(StatusAccess.Allowed, StatusAccessPolicy.Check(intent, Secretariat, []));
        Assert.True(StatusAccessPolicy.IsForAskerOnly(intent));
    }

    private static ReviewTask Answered(string id, DateTimeOffset at) => new(Definition(id), TaskState.New(id) with
    {
        Stage = Stage.Wg,
        Version = 3,
        PreWg = new StageOutcome { Answer = new PreWgAnswer { Decision = PreWgDecision.Keep }, AnsweredBy = Kita.Email, AnsweredAt = at },
    });

    private static ReviewTask Unanswered(string id) => new(Definition(id), TaskState.New(id) with { Stage = Stage.PreWg, Version = 2 });

    private static TaskDefinition Definition(string id) =>
        new() { Id = id, Name = "事務" + id, Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth, Assignee = Kita.Email };
}
