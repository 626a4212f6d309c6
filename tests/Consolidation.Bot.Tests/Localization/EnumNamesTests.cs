using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Tests.Localization;

/// <summary>The domain's values are named on screens from resources (issue 20), in both languages, for every value.</summary>
public class EnumNamesTests
{
    public static TheoryData<Type> NamedEnums => new()
    {
        typeof(Stage), typeof(Subcommittee), typeof(PrecedingTheme), typeof(PreWgDecision), typeof(WgDecision),
        typeof(SuitabilityDecision), typeof(RevisitTrigger), typeof(Destination), typeof(BureauView), typeof(FunnelOutcome),
        typeof(MemberRole), typeof(HistoryKind), typeof(AuditKind),
    };

    [Theory]
    [MemberData(nameof(NamedEnums))]
    public void EveryValue_HasAJapaneseAndAnEnglishName(Type type)
    {
        foreach (var value in Enum.GetValues(type))
        {
            var key = $"Enum_{type.Name}_{value}";
            var japanese = new BotText(BotCultures.Japanese)[key];
            var english = new BotText(BotCultures.English)[key];
            Assert.False(string.IsNullOrWhiteSpace(japanese) || string.IsNullOrWhiteSpace(english), key);
        }
    }

    [Fact]
    public void PolicyWords_OnScreen()
    {
        Assert.Equal(("プレWG", "Pre-WG"), (Stage.PreWg.Name(true), Stage.PreWg.Name(false)));
        Assert.Equal("検討対象候補として残す", PreWgDecision.Keep.Name(true));
        Assert.Equal("適否で集約化等実施済", FunnelOutcome.Done.Name(true));
        Assert.Equal("一部なら集約化等が可能", BureauView.Partial.Name(true));
        Assert.Equal("secretariat", MemberRole.Secretariat.Name(false));
        // One name for the secretariat's change of a decision: the tab's action is 「判断の変更」.
        Assert.Equal("事務局による変更", HistoryKind.Override.Name(true));
    }

    [Fact]
    public void SubcommitteeNames_AreTheOnesTheParserKnows()
    {
        foreach (var subcommittee in Subcommittees.All)
        {
            Assert.Equal(subcommittee.JapaneseName(), subcommittee.Name(true));
            Assert.Equal(subcommittee.EnglishName(), subcommittee.Name(false));
        }
    }
}
