namespace Consolidation.Bot.Scheduling;

/// <summary>
/// A scheduled run's row and the last digest's figures, as the run handlers use them (see <see cref="ScheduleStore"/>,
/// the bot's): the seam that lets the digest and reminder runs be tested with rows held in memory.
/// </summary>
public interface IScheduledRuns
{
    Task<ScheduledRunEntity?> GetRunAsync(string runKey, CancellationToken cancellationToken);

    /// <summary>Marks the run done at <paramref name="at"/> (with the digest's figures, if any) if unchanged since read; null when someone else changed it.</summary>
    Task<ScheduledRunEntity?> TryCompleteRunAsync(ScheduledRunEntity run, DateTimeOffset at, string? figures, CancellationToken cancellationToken);

    /// <summary>The figures of the last digest posted (JSON), for "since the last digest"; null before the first.</summary>
    Task<string?> GetLastDigestFiguresAsync(CancellationToken cancellationToken);

    Task SetLastDigestFiguresAsync(string figures, DateTimeOffset at, CancellationToken cancellationToken);
}
