using System.Text.Json.Nodes;
using Consolidation.Bot.Cards;
using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Tests.Cards;

public class FoundationCardTests
{
    public static TheoryData<string, string> Cards() => new()
    {
        { "welcome", "ja-JP" }, { "welcome", "en-US" }, { "help", "ja-JP" }, { "help", "en-US" },
    };

    private static AdaptiveCard Build(string card, string culture)
    {
        var text = new BotText(BotCultures.FromLocale(culture));
        return card == "welcome" ? WelcomeCard.Build(text) : HelpCard.Build(text);
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Build_AnyCard_IsVersion15WithTypesAndNoNulls(string card, string culture)
    {
        var json = CardJsonContext.ToJson(Build(card, culture));
        var node = JsonNode.Parse(json)!.AsObject();

        Assert.Equal("AdaptiveCard", (string?)node["type"]);
        Assert.Equal("1.5", (string?)node["version"]);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        foreach (var element in node["body"]!.AsArray())
        {
            Assert.False(string.IsNullOrEmpty((string?)element!["type"]));
        }
    }

    [Fact]
    public void WelcomeCard_Japanese_HasJapaneseTitleAndExecuteActionWithVerbInData()
    {
        var node = JsonNode.Parse(CardJsonContext.ToJson(WelcomeCard.Build(new BotText(BotCultures.Japanese))))!;

        Assert.Equal("区役所業務集約化ボットへようこそ", (string?)node["body"]![0]!["text"]);
        var action = node["actions"]![0]!;
        Assert.Equal("Action.Execute", (string?)action["type"]);
        Assert.Equal(CardVerbs.ShowHelp, (string?)action["verb"]);
        Assert.Equal(CardVerbs.ShowHelp, (string?)action["data"]!["verb"]);
        Assert.Equal("Action.Submit", (string?)action["fallback"]);
    }

    [Fact]
    public void HelpCard_English_ListsBothCommands()
    {
        var json = CardJsonContext.ToJson(HelpCard.Build(new BotText(BotCultures.English)));

        Assert.Contains("help / ヘルプ", json, StringComparison.Ordinal);
        Assert.Contains("register council", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja-JP")]
    [InlineData("en-US")]
    public void HelpCard_ListsEveryCommandTheBotKnows(string culture)
    {
        // Every handler's CommandDefinition (found by reflection, so a new command cannot be forgotten) must have a line
        // in help that shows one of its phrases.
        var json = CardJsonContext.ToJson(HelpCard.Build(new BotText(System.Globalization.CultureInfo.GetCultureInfo(culture)))).ToLowerInvariant();
        var commands = typeof(HelpCard).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(f => f.FieldType == typeof(Consolidation.Bot.Routing.Commands.CommandDefinition))
            .Select(f => (Consolidation.Bot.Routing.Commands.CommandDefinition)f.GetValue(null)!)
            .ToList();

        Assert.True(commands.Count >= 8, $"only {commands.Count} commands found");
        foreach (var command in commands)
        {
            Assert.True(command.Phrases.Any(p => json.Contains(p.ToLowerInvariant(), StringComparison.Ordinal)),
                $"help ({culture}) shows none of {command.Name}'s phrases: {string.Join(", ", command.Phrases)}");
        }
    }
}
