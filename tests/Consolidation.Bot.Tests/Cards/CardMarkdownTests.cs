using Consolidation.Bot.Cards;
using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Tests.Cards;

public class CardMarkdownTests
{
    [Theory]
    [InlineData("[x](https://evil)", @"\[x\](https://evil)")]
    [InlineData("**太字**", @"\*\*太字\*\*")]
    [InlineData("_a_ ~b~ `c`", @"\_a\_ \~b\~ \`c\`")]
    [InlineData(@"a\b", @"a\\b")]
    [InlineData("- 項目", @"\- 項目")]
    [InlineData("1. 項目\n2. 次", "1\\. 項目\n2\\. 次")]
    [InlineData("住民票の写し等交付事務", "住民票の写し等交付事務")]
    [InlineData("J-0012 2026-12-20 12:00 (3/40)", "J-0012 2026-12-20 12:00 (3/40)")]
    [InlineData("", "")]
    public void Escape_MarkdownCharacters_AreEscaped(string text, string expected) =>
        Assert.Equal(expected, CardMarkdown.Escape(text));

    [Fact]
    public void TaskNamedLikeALink_InEveryTextAndFactOfTheCard_IsEscaped()
    {
        var definition = new TaskDefinition { Id = "J-0001", Name = "[x](https://evil)", Bureau = "**局**", Subcommittee = Subcommittee.WelfareHealth, Assignee = "a@city.jp" };
        var card = NotYourTaskCard.Build(new NotYourTaskCardModel(TaskSummary.From(definition), new BotText(BotCultures.Japanese)));

        var json = CardJsonContext.ToJson(card);

        Assert.DoesNotContain("\"[x](https://evil)\"", json, StringComparison.Ordinal);
        Assert.Contains(@"\\[x\\](https://evil)", json, StringComparison.Ordinal);
        var facts = CardJsonContext.ToJson(new AdaptiveCard { Body = [TaskCardParts.Facts(TaskSummary.From(definition), new BotText(BotCultures.Japanese))] });
        Assert.Contains(@"\\*\\*局\\*\\*", facts, StringComparison.Ordinal);
    }

    [Fact]
    public void With_ChangedText_IsEscapedOnce()
    {
        var block = new TextBlock("[a]") with { Size = TextSize.Small };
        var fact = new Fact("t", "[v]") with { Title = "[t]" };

        Assert.Equal(@"\[a\]", block.Text);
        Assert.Equal(@"\[t\]", fact.Title);
        Assert.Equal(@"\[v\]", fact.Value);
    }
}
