using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Demo;

/// <summary>The answers one task receives in the seed's review: pre-WG always, WG when kept, suitability when a study target.</summary>
public sealed record SeedTaskAnswers(string TaskId, PreWgAnswer PreWg, WgAnswer? Wg, SuitabilityAnswer? Suitability)
{
    /// <summary>The answers in stage order.</summary>
    public IEnumerable<StageAnswer> Answers
    {
        get
        {
            yield return PreWg;
            if (Wg is not null)
            {
                yield return Wg;
            }

            if (Suitability is not null)
            {
                yield return Suitability;
            }
        }
    }
}

/// <summary>
/// The result of running a task's seed answers through the review rules: the state reached, the accepted outcomes
/// in order (for the history), and the refusal that stopped it, if any.
/// </summary>
public sealed record SeedApplication(TaskState State, IReadOnlyList<StageOutcome> Outcomes, DecisionError Error)
{
    public bool Succeeded => Error == DecisionError.None;
}

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
