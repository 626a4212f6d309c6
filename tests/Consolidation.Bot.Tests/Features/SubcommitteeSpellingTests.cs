using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Status.Understanding;

namespace Consolidation.Bot.Tests.Features;

/// <summary>
/// Never confidently wrong (issue 17): a subcommittee asked about in any spelling (kanji, kana, romaji, short forms) is
/// understood as itself, and never as another subcommittee.
/// </summary>
public class SubcommitteeSpellingTests
{
    private static readonly DateOnly Today = new(2026, 12, 9);

    public static TheoryData<string, Subcommittee> Spellings => new()
    {
        { "人事・財政部会", Subcommittee.PersonnelFinance }, { "じんじ・ざいせいぶかい", Subcommittee.PersonnelFinance },
        { "じんじざいせい", Subcommittee.PersonnelFinance }, { "ジンジザイセイ", Subcommittee.PersonnelFinance },
        { "ざいせい", Subcommittee.PersonnelFinance }, { "personnel and finance", Subcommittee.PersonnelFinance },
        { "くらし・安全・防災部会", Subcommittee.LivingSafety }, { "くらし・あんぜん・ぼうさいぶかい", Subcommittee.LivingSafety },
        { "あんぜん", Subcommittee.LivingSafety }, { "ぼうさい", Subcommittee.LivingSafety }, { "防災", Subcommittee.LivingSafety },
        { "まちづくり・にぎわい・環境部会", Subcommittee.TownDevelopment }, { "まちづくり・にぎわい・かんきょうぶかい", Subcommittee.TownDevelopment },
        { "かんきょう", Subcommittee.TownDevelopment }, { "にぎわい", Subcommittee.TownDevelopment }, { "環境", Subcommittee.TownDevelopment },
        { "福祉・健康部会", Subcommittee.WelfareHealth }, { "ふくし・けんこうぶかい", Subcommittee.WelfareHealth },
        { "ふくし", Subcommittee.WelfareHealth }, { "けんこう", Subcommittee.WelfareHealth }, { "フクシ", Subcommittee.WelfareHealth },
        { "こども・教育部会", Subcommittee.ChildrenEducation }, { "こども・きょういくぶかい", Subcommittee.ChildrenEducation },
        { "きょういく", Subcommittee.ChildrenEducation }, { "教育", Subcommittee.ChildrenEducation }, { "kodomo", Subcommittee.ChildrenEducation },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void ProgressQuestion_InAnySpelling_IsAboutThatSubcommitteeAndNoOther(string name, Subcommittee expected)
    {
        foreach (var question in new[] { $"{name}の進捗は？", $"{name}の未回答者は？" })
        {
            var intent = StatusQuestionRecognizer.Recognize(question, Today);

            // Not understood is acceptable (the asker gets suggestions); another subcommittee never is.
            if (intent?.Subcommittee is { } understood)
            {
                Assert.True(understood == expected, $"「{question}」 was read as {understood}, not {expected}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void ProgressQuestion_InAnySpelling_IsUnderstood(string name, Subcommittee expected)
    {
        var intent = StatusQuestionRecognizer.Recognize($"{name}の進捗は？", Today);

        Assert.Equal(expected, intent?.Subcommittee);
    }
}
