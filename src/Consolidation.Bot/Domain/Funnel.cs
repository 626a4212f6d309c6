namespace Consolidation.Bot.Domain;

/// <summary>
/// The review's funnel (DOMAIN.md): inventory → pre-WG kept / excluded / pending → WG study targets / not / pending
/// → suitability done / continue later / closed / pending. "Pending" counts tasks that reached the stage (or wait
/// for it to open) without an outcome yet.
/// </summary>
public sealed record Funnel
{
    public int Inventory { get; init; }
    public int PreWgKept { get; init; }
    public int PreWgExcluded { get; init; }
    public int PreWgPending { get; init; }
    public int WgStudyTargets { get; init; }
    public int WgNotTargets { get; init; }
    public int WgPending { get; init; }
    public int SuitabilityDone { get; init; }
    public int SuitabilityContinueLater { get; init; }
    public int SuitabilityClosed { get; init; }
    public int SuitabilityPending { get; init; }

    public static Funnel Empty { get; } = new();

    /// <summary>This funnel with one more task counted.</summary>
    public Funnel Add(ReviewTask task)
    {
        var tally = new FunnelTally(this);
        tally.Count(task);
        return tally.ToFunnel();
    }
}

/// <summary>Answered / assigned in one open stage of one subcommittee.</summary>
public sealed record StageProgress(Subcommittee Subcommittee, Stage Stage, int Answered, int Assigned, DateTimeOffset Deadline)
{
    public int Unanswered => Assigned - Answered;
}
