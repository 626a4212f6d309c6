namespace Consolidation.Bot.Domain;

/// <summary>
/// One later round of the review (再検討, round 2 on), counted apart from the review's own funnel: how many tasks were
/// taken up again in it, how many still wait for an answer, and how its 適否 ended (a round that re-entered WG may also
/// end there, not a study target).
/// </summary>
public sealed record RoundFigures(int Round, int Tasks, int Pending, int Done, int ContinueLater, int Closed, int NotTarget)
{
    /// <summary>Every round from 2 on that any task reached, in order; empty before the first revisit.</summary>
    public static IReadOnlyList<RoundFigures> Of(IEnumerable<ReviewTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var rounds = new SortedDictionary<int, int[]>();
        foreach (var task in tasks)
        {
            var state = task.State;
            for (var round = 2; round <= state.Round; round++)
            {
                // The round's outcomes: the current ones for the round the task is in, else as that round ended.
                var (wg, suitability) = round == state.Round
                    ? (state.Wg, state.Suitability)
                    : (state.EarlierRounds[round - 1].Wg, state.EarlierRounds[round - 1].Suitability);
                var counts = rounds.TryGetValue(round, out var c) ? c : rounds[round] = new int[6];
                counts[0]++;
                switch ((suitability?.Answer as SuitabilityAnswer)?.Decision, (wg?.Answer as WgAnswer)?.Decision)
                {
                    case (SuitabilityDecision.Done, _): counts[2]++; break;
                    case (SuitabilityDecision.ContinueLater, _): counts[3]++; break;
                    case (SuitabilityDecision.Closed, _): counts[4]++; break;
                    case (null, WgDecision.NotTarget): counts[5]++; break;
                    default: counts[1]++; break;
                }
            }
        }

        return [.. rounds.Select(r => new RoundFigures(r.Key, r.Value[0], r.Value[1], r.Value[2], r.Value[3], r.Value[4], r.Value[5]))];
    }
}
