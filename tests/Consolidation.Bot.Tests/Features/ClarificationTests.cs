using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Status.Understanding;

namespace Consolidation.Bot.Tests.Features;

/// <summary>A question naming two subcommittees is never answered for one of them; each offered reading reads back as itself.</summary>
public class ClarificationTests
{
    private static readonly DateOnly Today = new(2026, 12, 9);

    [Theory]
    [InlineData("福祉とこどもの進捗は？", StatusIntentKind.Subcommittee)]
    [InlineData("福祉・健康部会とこども・教育部会の未回答者は？", StatusIntentKind.NotAnswered)]
    [InlineData("ふくしときょういくで除外したのは何件", StatusIntentKind.Outcome)]
    [InlineData("welfare and education: who has not answered?", StatusIntentKind.NotAnswered)]
    public void TwoSubcommitteesNamed_Ambiguous_EachReadingReadsBackAsItself(string question, StatusIntentKind kind)
    {
        var intent = StatusQuestionRecognizer.Recognize(question, Today)!;

        Assert.True(intent.IsAmbiguous);
        Assert.Null(intent.Subcommittee);
        Assert.Equal(kind, intent.Kind);
        Assert.Equal([Subcommittee.WelfareHealth, Subcommittee.ChildrenEducation], intent.Candidates);
        foreach (var candidate in intent.Candidates!)
        {
            foreach (var japanese in new[] { true, false })
            {
                var reading = StatusQuestionRecognizer.Recognize(StatusQuestionReadings.Question(intent, candidate, japanese), Today)!;
                Assert.False(reading.IsAmbiguous);
                Assert.Equal((kind, candidate, intent.Outcome), (reading.Kind, reading.Subcommittee!.Value, reading.Outcome));
            }
        }
    }

    [Fact]
    public void OneSubcommitteeNamedSeveralWays_NotAmbiguous()
    {
        var intent = StatusQuestionRecognizer.Recognize("福祉・健康部会（ふくし）の進捗は？", Today)!;

        Assert.False(intent.IsAmbiguous);
        Assert.Equal(Subcommittee.WelfareHealth, intent.Subcommittee);
    }
}
