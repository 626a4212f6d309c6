using System.Xml.Linq;

namespace Consolidation.Bot.Tests.Localization;

/// <summary>Every user-facing text exists in Japanese (neutral) and English, with the same placeholders (formats may differ).</summary>
public class ResourceParityTests
{
    private static Dictionary<string, string> Read(string file)
    {
        var path = RepoFile.PathOf("src", "Consolidation.Bot", "Localization", file);
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
    }

    private static IEnumerable<string> Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{(\d+)(:[^}]*)?\}").Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal);

    [Fact]
    public void JapaneseAndEnglish_HaveTheSameKeysAndPlaceholders()
    {
        var japanese = Read("Strings.resx");
        var english = Read("Strings.en.resx");

        Assert.Empty(japanese.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(japanese.Keys));
        Assert.All(japanese, j => Assert.Equal(Placeholders(j.Value), Placeholders(english[j.Key])));
        Assert.All(japanese, j => Assert.False(string.IsNullOrWhiteSpace(j.Value), j.Key));
    }
}
