namespace Consolidation.Bot.Domain;

/// <summary>
/// The funnel's counters while counting (<see cref="Funnel"/> is the immutable result): the one place that says which
/// outcome of which stage each task adds to. "Pending" counts tasks that reached the stage without an outcome yet.
/// Round 1 only: later rounds are counted apart (<see cref="RoundFigures"/>).
/// </summary>
internal sealed class FunnelTally(Funnel start)
{
    private int _inventory = start.Inventory;
    private int _preWgKept = start.PreWgKept;
    private int _preWgExcluded = start.PreWgExcluded;
    private int _preWgPending = start.PreWgPending;
    private int _wgStudyTargets = start.WgStudyTargets;
    private int _wgNotTargets = start.WgNotTargets;
    private int _wgPending = start.WgPending;
    private int _suitabilityDone = start.SuitabilityDone;
    private int _suitabilityContinueLater = start.SuitabilityContinueLater;
    private int _suitabilityClosed = start.SuitabilityClosed;
    private int _suitabilityPending = start.SuitabilityPending;

    public void Count(ReviewTask task)
    {
        // The review's funnel is round 1's: a task taken up again counts here as it ended round 1 (rounds apart).
        var s = task.State;
        var preWg = (s.PreWg?.Answer as PreWgAnswer)?.Decision;
        var wg = (s.FirstRoundOutcomeOf(Stage.Wg)?.Answer as WgAnswer)?.Decision;
        var suitability = (s.FirstRoundOutcomeOf(Stage.Suitability)?.Answer as SuitabilityAnswer)?.Decision;
        _inventory++;
        _preWgKept += preWg == PreWgDecision.Keep ? 1 : 0;
        _preWgExcluded += preWg == PreWgDecision.Exclude ? 1 : 0;
        _preWgPending += preWg is null ? 1 : 0;
        _wgStudyTargets += wg == WgDecision.StudyTarget ? 1 : 0;
        _wgNotTargets += wg == WgDecision.NotTarget ? 1 : 0;
        _wgPending += preWg == PreWgDecision.Keep && wg is null ? 1 : 0;
        _suitabilityDone += suitability == SuitabilityDecision.Done ? 1 : 0;
        _suitabilityContinueLater += suitability == SuitabilityDecision.ContinueLater ? 1 : 0;
        _suitabilityClosed += suitability == SuitabilityDecision.Closed ? 1 : 0;
        _suitabilityPending += wg == WgDecision.StudyTarget && suitability is null ? 1 : 0;
    }

    public Funnel ToFunnel() => new()
    {
        Inventory = _inventory,
        PreWgKept = _preWgKept,
        PreWgExcluded = _preWgExcluded,
        PreWgPending = _preWgPending,
        WgStudyTargets = _wgStudyTargets,
        WgNotTargets = _wgNotTargets,
        WgPending = _wgPending,
        SuitabilityDone = _suitabilityDone,
        SuitabilityContinueLater = _suitabilityContinueLater,
        SuitabilityClosed = _suitabilityClosed,
        SuitabilityPending = _suitabilityPending,
    };
}
