using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Tests.Localization;

/// <summary>Strings are looked up once per culture and key; each culture keeps its own.</summary>
public class BotTextTests
{
    [Fact]
    public void SameKey_EachCultureGetsItsOwnString_AlsoAfterTheOtherWasLookedUp()
    {
        var japanese = new BotText(BotCultures.Japanese);
        var english = new BotText(BotCultures.English);

        Assert.Equal("使い方", japanese[nameof(Strings.Help_Title)]);
        Assert.Equal("How to use the bot", english[nameof(Strings.Help_Title)]);
        Assert.Equal("使い方", new BotText(BotCultures.Japanese)[nameof(Strings.Help_Title)]);
    }

    [Fact]
    public void UnknownKey_Throws_EveryTime()
    {
        var text = new BotText(BotCultures.Japanese);

        Assert.Throws<KeyNotFoundException>(() => text["No_Such_Key"]);
        Assert.Throws<KeyNotFoundException>(() => text["No_Such_Key"]);
    }
}
