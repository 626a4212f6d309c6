using Consolidation.Bot.Cards.Digest;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Status;
using Consolidation.Bot.Features.Status.Understanding;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Tab;
using Consolidation.Bot.Tests.Features;

namespace Consolidation.Bot.Tests.Tab;

/// <summary>
/// The dashboard's figures, the digest's and the status answer's are one set (one query layer): on the seed-funnel review
/// every bar of the dashboard's funnel equals the digest's funnel, and each subcommittee's row equals that subcommittee's
/// status answer.
/// </summary>
public class DashboardFiguresTests
{
    private static readonly Member Secretariat = new() { Email = "sec@city.example.jp", Name = "事務局", Role = MemberRole.Secretariat };

    private static DashboardModel Dashboard => DashboardModel.Build(SeedFunnel.Snapshot, new TabScope(Secretariat), [], [], SeedFunnel.Now, new BotText(BotCultures.Japanese));

    [Fact]
    public void FunnelBars_EqualTheDigestsFunnel()
    {
        var digest = DigestComposer.Figures(SeedFunnel.Snapshot, SeedFunnel.Now).Funnel;

        var bars = Dashboard.Funnel.ToDictionary(b => b.Outcome?.ToString() ?? "Inventory", b => b.Count);

        Assert.Equal(
            [digest.Inventory, digest.PreWgKept, digest.PreWgExcluded, digest.WgStudyTargets, digest.WgNotTargets, digest.SuitabilityDone, digest.SuitabilityContinueLater, digest.SuitabilityClosed],
            [bars["Inventory"], bars["Kept"], bars["Excluded"], bars["StudyTarget"], bars["NotTarget"], bars["Done"], bars["ContinueLater"], bars["Closed"]]);
        Assert.Equal([812, 342, 276, 6, 233, 37], [bars["Inventory"], bars["Kept"], bars["StudyTarget"], bars["Done"], bars["ContinueLater"], bars["Closed"]]);
    }

    [Fact]
    public void EachSubcommitteeRow_EqualsThatSubcommitteesStatusAnswer()
    {
        foreach (var (subcommittee, funnel) in Dashboard.BySubcommittee)
        {
            var answer = SeedFunnel.Answers.Compose(new StatusIntent(StatusIntentKind.Outcome, subcommittee, Stage.PreWg, Outcome: FunnelOutcome.Excluded))!;

            Assert.Equal($"{funnel.PreWgExcluded}件（全{funnel.Inventory}件中）", answer.Figures[0].Value);
        }
    }
}
