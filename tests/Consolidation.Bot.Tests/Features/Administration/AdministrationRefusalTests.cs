using Consolidation.Bot.Features.Administration;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review;

namespace Consolidation.Bot.Tests.Features.Administration;

/// <summary>A refusal for want of the secretariat's role names the change refused, in chat and on the tab alike.</summary>
public class AdministrationRefusalTests
{
    private static readonly BotText Japanese = new(BotCultures.Japanese);

    [Theory]
    [InlineData(AdministrationKind.Other, "担当変更と差し戻しは事務局（市民局）だけが行えます。")]
    [InlineData(AdministrationKind.Override, "判断の変更は事務局（市民局）だけが行えます。")]
    public void NotSecretariat_NamesTheChangeRefused(AdministrationKind kind, string expected)
    {
        var reply = AdministrationReplies.For(new TaskAdministrationResult(TaskAdministrationOutcome.NotSecretariat), "J-0001", "", null, Japanese, kind);

        Assert.Equal(expected, reply);
    }
}
