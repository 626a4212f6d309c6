namespace Consolidation.Bot.Demo;

/// <summary>The seed's funnel (basic-policy-ja.txt): 812 → 342 kept → 276 study targets → 6 / 233 / 37.</summary>
public static class SeedFunnel
{
    public const int Inventory = 812;
    public const int PreWgKept = 342;
    public const int PreWgExcluded = Inventory - PreWgKept;
    public const int WgStudyTargets = 276;
    public const int WgNotTargets = PreWgKept - WgStudyTargets;
    public const int SuitabilityDone = 6;
    public const int SuitabilityContinueLater = 233;
    public const int SuitabilityClosed = 37;
}
