namespace Consolidation.Bot.Domain;

/// <summary>One outcome of the funnel a question can count or list (プレWGで除外, WGで検討対象, 検討終了 ...).</summary>
public enum FunnelOutcome
{
    /// <summary>プレWG: 検討対象候補として残す.</summary>
    Kept,

    /// <summary>プレWG: 除外.</summary>
    Excluded,

    /// <summary>WG: 検討対象とする.</summary>
    StudyTarget,

    /// <summary>WG: 検討対象としない.</summary>
    NotTarget,

    /// <summary>適否: 集約化等実施済.</summary>
    Done,

    /// <summary>適否: 引き続き検討予定.</summary>
    ContinueLater,

    /// <summary>適否: 検討終了.</summary>
    Closed,
}

public static class FunnelOutcomes
{
    /// <summary>The stage whose answer gives the outcome.</summary>
    public static Stage StageOf(this FunnelOutcome outcome) => outcome switch
    {
        FunnelOutcome.Kept or FunnelOutcome.Excluded => Stage.PreWg,
        FunnelOutcome.StudyTarget or FunnelOutcome.NotTarget => Stage.Wg,
        _ => Stage.Suitability,
    };

    /// <summary>Whether the task has that outcome (its answer at the outcome's stage).</summary>
    public static bool Has(this ReviewTask task, FunnelOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(task);
        return (outcome, task.State.OutcomeOf(outcome.StageOf())?.Answer) switch
        {
            (FunnelOutcome.Kept, PreWgAnswer { Decision: PreWgDecision.Keep }) => true,
            (FunnelOutcome.Excluded, PreWgAnswer { Decision: PreWgDecision.Exclude }) => true,
            (FunnelOutcome.StudyTarget, WgAnswer { Decision: WgDecision.StudyTarget }) => true,
            (FunnelOutcome.NotTarget, WgAnswer { Decision: WgDecision.NotTarget }) => true,
            (FunnelOutcome.Done, SuitabilityAnswer { Decision: SuitabilityDecision.Done }) => true,
            (FunnelOutcome.ContinueLater, SuitabilityAnswer { Decision: SuitabilityDecision.ContinueLater }) => true,
            (FunnelOutcome.Closed, SuitabilityAnswer { Decision: SuitabilityDecision.Closed }) => true,
            _ => false,
        };
    }

    /// <summary>Whether the task reached the outcome's stage (the "of how many" of a count): all for プレWG, kept ones for WG, study targets for 適否.</summary>
    public static bool Reached(this ReviewTask task, FunnelOutcome outcome) => outcome.StageOf() switch
    {
        Stage.PreWg => true,
        Stage.Wg => task.Has(FunnelOutcome.Kept),
        _ => task.Has(FunnelOutcome.StudyTarget),
    };

}
