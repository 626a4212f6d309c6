using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Cards;

/// <summary>How the digest and the status answers write the funnel and answered shares, the same everywhere.</summary>
public static class FunnelText
{
    /// <summary>Inventory → pre-WG → WG → suitability, one fact each, with this review's figures.</summary>
    public static IReadOnlyList<Fact> Facts(Funnel f, BotText t)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(t);
        return
        [
            new Fact(t[nameof(Strings.Digest_Inventory)], t.Format(nameof(Strings.Digest_InventoryValue), f.Inventory)),
            new Fact(t[nameof(Strings.Digest_PreWg)], t.Format(nameof(Strings.Digest_PreWgValue), f.PreWgKept, f.PreWgExcluded, f.PreWgPending)),
            new Fact(t[nameof(Strings.Digest_Wg)], t.Format(nameof(Strings.Digest_WgValue), f.WgStudyTargets, f.WgNotTargets, f.WgPending)),
            new Fact(t[nameof(Strings.Digest_Suitability)], t.Format(nameof(Strings.Digest_SuitabilityValue), f.SuitabilityDone, f.SuitabilityContinueLater, f.SuitabilityClosed, f.SuitabilityPending)),
        ];
    }

    /// <summary>Answered as a whole percentage of assigned (0 when nothing is assigned).</summary>
    public static int Percent(int answered, int assigned) =>
        assigned == 0 ? 0 : (int)Math.Round(100.0 * answered / assigned, MidpointRounding.AwayFromZero);
}
