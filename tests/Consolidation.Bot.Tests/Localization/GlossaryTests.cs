using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Tests.Localization;

/// <summary>
/// The policy's own words on the screens (../shared/DOMAIN.md, "Words to use on screens"): each term and the Japanese
/// resource keys (and domain names) that must use it, and the misuses that must not come back.
/// </summary>
public class GlossaryTests
{
    private static readonly ResourceManager Resources = new("Consolidation.Bot.Localization.Strings", typeof(BotText).Assembly);

    public static TheoryData<string, string[]> Terms => new()
    {
        { "集約化等実施済", ["Digest_SuitabilityValue", "Digest_ChartDone", "Digest_FunnelFallback", "Digest_RoundRow"] },
        { "引き続き検討予定", ["Digest_SuitabilityValue", "Digest_ChartContinue", "Digest_FunnelFallback", "Q_Trigger", "Digest_RoundsHeading", "Digest_RoundRow", "Revisit_Nothing"] },
        { "検討終了", ["Digest_SuitabilityValue", "Digest_ChartClosed", "Digest_FunnelFallback", "Digest_RoundRow"] },
        { "局区一体事務", ["Digest_FunnelFallback"] },
        { "候補選定（粗い選定）", ["Questionnaire_Intro_PreWg", "Batch_Title", "OpenStage_BatchOnlyPreWg"] },
        { "所管部局を交えたＷＧ", ["Questionnaire_Intro_Wg", "BureauView_Title"] },
        { "集約化等", ["Questionnaire_Intro_PreWg", "Questionnaire_Intro_Wg", "Questionnaire_Intro_Suitability", "Q_WgDecision", "Q_StaffingBudget", "BureauView_Intro", "Digest_BureauViewsRow"] },
        { "担当区長", ["BureauView_WardHead", "BureauView_Intro", "Digest_BureauViewsHeading"] },
        { "かえって非効率", ["Q_LessEfficientAtWard"] },
        { "事業者", ["Q_BusinessesServed"] },
        { "標準化のBPRとあわせて", ["Questionnaire_MigrationNote"] },
        { "個別移行計画書", ["Q_MigrationEffect", "Questionnaire_MigrationNote"] },
        { "体制・予算措置", ["Q_StaffingBudget"] },
        { "任意", ["Q_Destination", "Q_DestinationNote"] },
    };

    [Theory]
    [MemberData(nameof(Terms))]
    public void Term_IsUsedByEveryKeyThatShowsIt(string term, string[] keys)
    {
        foreach (var key in keys)
        {
            var value = Japanese(key);
            Assert.True(value.Contains(term, StringComparison.Ordinal), $"{key} should say {term}: {value}");
        }
    }

    [Fact]
    public void Outcomes_InTheSeedsFullWords()
    {
        Assert.Equal("集約化等実施済", SuitabilityDecision.Done.Name(japanese: true));
        Assert.Equal("引き続き検討予定", SuitabilityDecision.ContinueLater.Name(japanese: true));
        Assert.Equal("検討終了", SuitabilityDecision.Closed.Name(japanese: true));
    }

    [Fact]
    public void EndOfThePipeline_IsNotNamedAfterAnOutcome()
    {
        var names = new[] { SuitabilityDecision.Done, SuitabilityDecision.ContinueLater, SuitabilityDecision.Closed }.Select(d => d.Name(japanese: true));

        Assert.Equal("判断済", Stage.Closed.Name(japanese: true));
        Assert.DoesNotContain(Stage.Closed.Name(japanese: true), names);
        Assert.Equal("Decided", Stage.Closed.Name(japanese: false));
    }

    [Fact]
    public void Resources_NoShortenedOutcomesAndNoLoanwordForTheReview()
    {
        foreach (var (key, value) in AllJapanese())
        {
            Assert.False(Regex.IsMatch(value, "(?<!集約化等)実施済"), $"{key}: 実施済 without 集約化等: {value}");
            Assert.False(Regex.IsMatch(value, "引き続き検討(?!予定|する|の場合|しない)"), $"{key}: 引き続き検討 without 予定: {value}");
            Assert.DoesNotContain("集約化実施", value, StringComparison.Ordinal);
            Assert.DoesNotContain("レビュー", value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheOnesWhoScreen_AreTantoKucho_NotIin()
    {
        // DOMAIN.md: the 担当区長 screened the tasks at プレWG; they are "not 委員". 委員会 (an office's name) is fine.
        foreach (var (key, value) in AllJapanese())
        {
            Assert.False(Regex.IsMatch(value, "委員(?!会)"), $"{key}: 委員 on a screen: {value}");
        }

        Assert.Equal("担当区長", MemberRole.Member.Name(japanese: true));
        Assert.Equal("担当区長", Japanese("Status_Members"));
        Assert.Contains("担当区長", Japanese("Status_NotAnsweredTitle"), StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_NoIinEither()
    {
        var manifest = File.ReadAllText(RepoFile.PathOf("manifest", "manifest.json"));

        Assert.DoesNotMatch("委員(?!会)", manifest);
        Assert.Contains("担当区長", manifest, StringComparison.Ordinal);
    }

    private static string Japanese(string key) =>
        Resources.GetString(key, CultureInfo.GetCultureInfo("ja-JP")) ?? throw new InvalidOperationException("no resource " + key);

    private static IEnumerable<(string Key, string Value)> AllJapanese()
    {
        // Not disposed: the ResourceManager caches the set, and a disposed one fails the next test that reads it.
        var set = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!;
        foreach (System.Collections.DictionaryEntry entry in set)
        {
            if (entry.Value is string value)
            {
                yield return ((string)entry.Key, value);
            }
        }
    }
}
