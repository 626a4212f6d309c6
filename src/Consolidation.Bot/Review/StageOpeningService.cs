using Azure;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.Review;

/// <summary>What opening a stage did, per subcommittee, and whom to send questionnaires to.</summary>
public sealed record StageOpening(
    Stage Stage,
    DateTimeOffset Deadline,
    PreWgCardMode CardMode,
    IReadOnlyList<(Subcommittee Subcommittee, int Tasks)> Subcommittees,
    IReadOnlyList<string> Assignees);

/// <summary>
/// The secretariat opens a stage for subcommittees with a deadline: the stage windows are written (re-opening or
/// moving the deadline of an open one), pre-WG moves the subcommittees' inventory tasks into the stage (state +
/// history in one transaction per batch), and the result names every assignee with unanswered tasks there. The window
/// keeps which card プレWG sends (a re-opening may change it: the next card sent follows it).
/// </summary>
public sealed class StageOpeningService(ReviewRepository repository, TimeProvider time)
{
    private const int MaxAttempts = 5;

    /// <summary>Opens with the detailed card (the tests' and benchmarks' usual opening).</summary>
    public Task<StageOpening> OpenAsync(string reviewId, Member actor, Stage stage, IReadOnlyList<Subcommittee> subcommittees, DateTimeOffset deadline, CancellationToken cancellationToken) =>
        OpenAsync(reviewId, actor, stage, subcommittees, deadline, PreWgCardMode.Detailed, cancellationToken);

    public async Task<StageOpening> OpenAsync(string reviewId, Member actor, Stage stage, IReadOnlyList<Subcommittee> subcommittees, DateTimeOffset deadline,
        PreWgCardMode mode, CancellationToken cancellationToken)
    {
        mode = stage == Stage.PreWg ? mode : PreWgCardMode.Detailed;
        if (!actor.IsSecretariat)
        {
            throw new InvalidOperationException("Only the secretariat opens stages.");
        }

        if (!Stages.Screening.Contains(stage))
        {
            throw new ArgumentOutOfRangeException(nameof(stage), stage, "Only pre-WG, WG and suitability can be opened.");
        }

        var now = time.GetUtcNow();
        foreach (var subcommittee in subcommittees)
        {
            await SaveWindowAsync(reviewId, stage, subcommittee, deadline, mode, keepLaterDeadline: false, now, cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            var loaded = await repository.LoadForUpdateAsync(reviewId, cancellationToken)
                ?? throw new InvalidOperationException($"Review {reviewId} does not exist.");
            var entering = stage == Stage.PreWg
                ? loaded.Tasks.Where(t => t.Task.Stage == Stage.Inventory && subcommittees.Contains(t.Task.Subcommittee)).ToList()
                : [];
            var changes = entering.Select(t => Enter(t, actor, now)).ToList();
            try
            {
                await repository.CommitManyAsync(reviewId, changes, cancellationToken);
            }
            catch (Exception ex) when (attempt < MaxAttempts && ex is RequestFailedException { Status: 409 or 412 })
            {
                continue;
            }

            // The committed states applied to what was loaded: no second full read of the review.
            var entered = changes.ToDictionary(c => c.Item2.TaskId, c => c.Item2, StringComparer.Ordinal);
            var tasks = loaded.Snapshot.Tasks.Select(t => entered.TryGetValue(t.Id, out var state) ? t with { State = state } : t).ToList();
            var windows = await repository.GetWindowsAsync(reviewId, cancellationToken);
            var inStage = tasks.Where(t => subcommittees.Contains(t.Subcommittee) && ReviewRules.Reached(t.State, stage)).ToList();
            var assignees = ReviewQueries.UnansweredByMember(inStage, windows.Where(w => w.Stage == stage)).Keys.ToList();
            if (stage == Stage.Wg)
            {
                // WG is held with the bureau in charge: its contacts get cards for their bureau's tasks too.
                assignees.AddRange(ReviewQueries.BureauContactsAwaited(inStage, windows, loaded.Snapshot.Members).Except(assignees, StringComparer.Ordinal));
            }

            return new StageOpening(stage, deadline, mode,
                subcommittees.Select(s => (s, inStage.Count(t => t.Subcommittee == s))).ToList(), assignees);
        }
    }

    /// <summary>
    /// Closes a stage for subcommittees: answers are refused from now on (late answers before this are kept, marked late).
    /// Returns the subcommittees whose window was open.
    /// </summary>
    public async Task<IReadOnlyList<Subcommittee>> CloseAsync(string reviewId, Member actor, Stage stage, IReadOnlyList<Subcommittee> subcommittees, CancellationToken cancellationToken)
    {
        if (!actor.IsSecretariat)
        {
            throw new InvalidOperationException("Only the secretariat closes stages.");
        }

        var closed = new List<Subcommittee>();
        var now = time.GetUtcNow();
        foreach (var subcommittee in subcommittees)
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                var existing = await repository.GetWindowForUpdateAsync(reviewId, stage, subcommittee, cancellationToken);
                if (existing is not { Window.IsOpen: true } open)
                {
                    break;
                }

                if (await repository.TrySaveWindowAsync(reviewId, open.Window with { ClosedAt = now }, open.ETag, cancellationToken))
                {
                    closed.Add(subcommittee);
                    break;
                }
            }
        }

        return closed;
    }

    /// <summary>
    /// Opens the window for a later round's tasks (再検討): a closed one is opened again with <paramref name="deadline"/>; an
    /// open one keeps its deadline when that is later, so the first round's members are never given less time.
    /// </summary>
    public Task EnsureOpenAsync(string reviewId, Stage stage, Subcommittee subcommittee, DateTimeOffset deadline, CancellationToken cancellationToken) =>
        SaveWindowAsync(reviewId, stage, subcommittee, deadline, PreWgCardMode.Detailed, keepLaterDeadline: true, time.GetUtcNow(), cancellationToken);

    /// <summary>Opens the window, or moves the deadline of an open one (keeping when it opened); ETag-guarded, retried on a race.</summary>
    private async Task SaveWindowAsync(string reviewId, Stage stage, Subcommittee subcommittee, DateTimeOffset deadline, PreWgCardMode mode,
        bool keepLaterDeadline, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var existing = await repository.GetWindowForUpdateAsync(reviewId, stage, subcommittee, cancellationToken);
            var window = new StageWindow
            {
                Stage = stage,
                Subcommittee = subcommittee,
                OpenedAt = existing is { Window.IsOpen: true } open ? open.Window.OpenedAt : now,
                Deadline = keepLaterDeadline && existing is { Window.IsOpen: true } current && current.Window.Deadline > deadline ? current.Window.Deadline : deadline,
                CardMode = mode,
            };
            if (await repository.TrySaveWindowAsync(reviewId, window, existing?.ETag, cancellationToken))
            {
                return;
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"The {stage} window of {subcommittee} kept changing; try again.");
            }
        }
    }

    private static (StoredTask, TaskState, HistoryEntry) Enter(StoredTask stored, Member actor, DateTimeOffset now)
    {
        var after = ReviewRules.EnterFirstStage(stored.Task.State, now);
        return (stored, after, new HistoryEntry
        {
            TaskId = stored.Task.Id,
            Kind = HistoryKind.StageOpened,
            Stage = Stage.PreWg,
            By = actor.Email,
            ByAadObjectId = actor.AadObjectId,
            At = now,
            CardVersion = stored.Task.State.Version,
            ResultingVersion = after.Version,
        });
    }
}
