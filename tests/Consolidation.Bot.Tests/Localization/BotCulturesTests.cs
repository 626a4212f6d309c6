using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;

namespace Consolidation.Bot.Tests.Localization;

public class BotCulturesTests
{
    [Theory]
    [InlineData("en-US", null, "en-US")]
    [InlineData("en-GB", null, "en-US")]
    [InlineData("ja-JP", null, "ja-JP")]
    [InlineData(null, null, "ja-JP")]
    [InlineData("fr-FR", null, "ja-JP")]
    [InlineData("en-US", "ja-JP", "ja-JP")]
    [InlineData("ja-JP", "en-US", "en-US")]
    public void ForActivity_LocaleAndOverride_PicksCulture(string? locale, string? forced, string expected)
    {
        var culture = BotCultures.ForActivity(new Activity { Locale = locale }, forced);

        Assert.Equal(expected, culture.Name);
    }

    [Fact]
    public void ForActivity_NoLocaleButClientInfo_UsesClientInfo()
    {
        var activity = new Activity { Entities = [new Entity { Type = "clientInfo", Locale = "en-US" }] };

        Assert.Equal("en-US", BotCultures.ForActivity(activity, null).Name);
    }

    [Fact]
    public void Strings_EveryKey_HasJapaneseAndEnglishText()
    {
        var keys = typeof(Strings).GetProperties(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)
            .Where(p => p.PropertyType == typeof(string))
            .Select(p => p.Name)
            .ToList();
        Assert.NotEmpty(keys);

        foreach (var key in keys)
        {
            var ja = new BotText(BotCultures.Japanese)[key];
            var en = new BotText(BotCultures.English)[key];
            Assert.False(string.IsNullOrWhiteSpace(ja), key);
            Assert.False(string.IsNullOrWhiteSpace(en), key);
            if (!SameInBothLanguages.Contains(key))
            {
                Assert.NotEqual(ja, en);
            }
        }
    }

    /// <summary>
    /// Written the same in English on purpose: "WG" is the policy's own abbreviation of the working group; a
    /// reassignment's move is an arrow between two names.
    /// </summary>
    private static readonly HashSet<string> SameInBothLanguages = ["Enum_Stage_Wg", "History_Move"];
}
