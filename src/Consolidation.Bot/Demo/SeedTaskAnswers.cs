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
