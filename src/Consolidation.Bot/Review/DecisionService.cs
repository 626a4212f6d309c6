using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.Review;

/// <summary>How a submitted decision ended.</summary>
public enum SubmissionStatus
{
    /// <summary>Stored: history entry and new state, in one transaction.</summary>
    Accepted,

    /// <summary>The same submission was stored before (Teams redelivered it): nothing new was written.</summary>
    Duplicate,

    /// <summary>Refused by the rules (see <see cref="SubmissionResult.Decision"/>): nothing was written.</summary>
    Refused,

    /// <summary>No such task in the review.</summary>
    NotFound,
}

/// <summary>The outcome and the task as it stands afterwards (for the answered, refused or current-state card).</summary>
public sealed record SubmissionResult(SubmissionStatus Status, ReviewTask? Task, DecisionResult? Decision = null)
{
    public DecisionError Error => Decision?.Error ?? DecisionError.None;
}

/// <summary>What a turn already read for a decision: the task with its state's ETag and the review's stage windows.</summary>
public sealed record DecisionInput(StoredTask Task, IReadOnlyList<StageWindow> Windows);

/// <summary>
/// Applies decisions to stored tasks: evaluates the rules on fresh data, commits state + history atomically,
/// and on a concurrent change re-reads and decides again (an answer then usually turns out stale and is refused
/// with the current state; an override is applied on top). Never writes anything for a refused decision.
/// </summary>
public sealed class DecisionService(ReviewRepository repository, TimeProvider time, ILogger<DecisionService> logger)
{
    private const int MaxAttempts = 30;

    public Task<SubmissionResult> AnswerAsync(string reviewId, Member actor, string taskId, StageAnswer answer, int cardVersion, CancellationToken cancellationToken) =>
        AnswerAsync(reviewId, actor, taskId, answer, cardVersion, null, cancellationToken);

    /// <summary>
    /// As above; <paramref name="readInThisTurn"/> (the task with its state's ETag and the stage windows, read moments ago
    /// in the same turn) saves reading them again for the first attempt. It cannot make a wrong decision stick: the commit
    /// is guarded by the state's ETag, and a refusal decided on it is checked again on fresh data.
    /// </summary>
    public Task<SubmissionResult> AnswerAsync(string reviewId, Member actor, string taskId, StageAnswer answer, int cardVersion,
        DecisionInput? readInThisTurn, CancellationToken cancellationToken) =>
        DecideAsync(reviewId, actor, taskId, _ => repository.IsAnswerStoredAsync(reviewId, taskId, cardVersion, actor.Email, answer, cancellationToken), readInThisTurn?.Task, async (stored, fromTurn, now) =>
        {
            var window = fromTurn
                ? readInThisTurn!.Windows.FirstOrDefault(w => w.Stage == answer.Stage && w.Subcommittee == stored.Task.Subcommittee)
                : await repository.GetWindowAsync(reviewId, answer.Stage, stored.Task.Subcommittee, cancellationToken);
            var result = ReviewRules.Answer(stored.Task, actor, answer, cardVersion, window, now);
            return (result, Entry(stored, result, HistoryKind.Answer, answer.Stage, actor, now, cardVersion, answer, null));
        }, cancellationToken);

    /// <summary>A bureau contact's view at WG for the task's <paramref name="round"/> (<see cref="ReviewRules.RecordBureauView"/>).</summary>
    /// <remarks>A redelivered view is told by the state: this round's view is this contact's (one view per round).</remarks>
    public Task<SubmissionResult> RecordBureauViewAsync(string reviewId, Member actor, string taskId, BureauViewAnswer answer, int round, CancellationToken cancellationToken) =>
        DecideAsync(reviewId, actor, taskId, stored => Task.FromResult(IsViewOf(stored.Task.State, round, actor)), null, async (stored, _, now) =>
        {
            var window = await repository.GetWindowAsync(reviewId, Stage.Wg, stored.Task.Subcommittee, cancellationToken);
            var result = ReviewRules.RecordBureauView(stored.Task, actor, answer, round, window, now);
            return (result, Entry(stored, result, HistoryKind.BureauView, Stage.Wg, actor, now, stored.Task.State.Version, answer, null));
        }, cancellationToken);

    public Task<SubmissionResult> OverrideAsync(string reviewId, Member actor, string taskId, StageAnswer answer, string reason, CancellationToken cancellationToken) =>
        DecideAsync(reviewId, actor, taskId, null, null, (stored, _, now) =>
        {
            var result = ReviewRules.Override(stored.Task, actor, answer, reason, now);
            return Task.FromResult((result, Entry(stored, result, HistoryKind.Override, answer.Stage, actor, now, stored.Task.State.Version, answer, reason)));
        }, cancellationToken);

    public Task<SubmissionResult> ReopenAsync(string reviewId, Member actor, string taskId, Stage stage, string reason, CancellationToken cancellationToken) =>
        DecideAsync(reviewId, actor, taskId, null, null, (stored, _, now) =>
        {
            var result = ReviewRules.Reopen(stored.Task, actor, stage, reason, now);
            return Task.FromResult((result, Entry(stored, result, HistoryKind.Reopen, stage, actor, now, stored.Task.State.Version, null, reason)));
        }, cancellationToken);

    /// <summary>Hands <paramref name="stage"/> of the task to <paramref name="to"/>; the history says from whom, to whom and why.</summary>
    public Task<SubmissionResult> ReassignAsync(string reviewId, Member actor, string taskId, Stage stage, Member to, string? reason, CancellationToken cancellationToken) =>
        DecideAsync(reviewId, actor, taskId, null, null, (stored, _, now) =>
        {
            var result = ReviewRules.Reassign(stored.Task, actor, stage, to, now);
            var entry = Entry(stored, result, HistoryKind.Reassign, stage, actor, now, stored.Task.State.Version, null, reason) is { } e
                ? e with { AssigneeFrom = stored.Task.AssigneeFor(stage), AssigneeTo = to.Email }
                : null;
            return Task.FromResult((result, entry));
        }, cancellationToken, _ => repository.ReassignmentRowAsync(reviewId, to.Email, taskId, cancellationToken));

    /// <param name="storedBefore">For a member's submission: whether it was stored before, asked when the rules refuse it.</param>
    private async Task<SubmissionResult> DecideAsync(
        string reviewId, Member actor, string taskId, Func<StoredTask, Task<bool>>? storedBefore, StoredTask? readInThisTurn,
        Func<StoredTask, bool, DateTimeOffset, Task<(DecisionResult Result, HistoryEntry? Entry)>> decide, CancellationToken cancellationToken,
        Func<StoredTask, Task<Azure.Data.Tables.TableTransactionAction>>? alongside = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var fromTurn = attempt == 1 && readInThisTurn is not null;
            var stored = fromTurn ? readInThisTurn : await repository.GetTaskAsync(reviewId, taskId, cancellationToken);
            if (stored is null)
            {
                return new SubmissionResult(SubmissionStatus.NotFound, null);
            }

            var (result, entry) = await decide(stored, fromTurn, time.GetUtcNow());
            if (!result.Accepted)
            {
                if (fromTurn)
                {
                    continue; // decided on what the turn read: confirm on fresh data before refusing
                }

                // A submission that was stored before (Teams redelivered it) is refused as stale by the rules, since
                // it moved the task on: it is a duplicate, not a refusal.
                if (storedBefore is not null && await storedBefore(stored))
                {
                    Log.DuplicateSubmission(logger, taskId, actor.Email);
                    return new SubmissionResult(SubmissionStatus.Duplicate, stored.Task);
                }

                Log.DecisionRefused(logger, taskId, actor.Email, result.Error.ToString());
                return new SubmissionResult(SubmissionStatus.Refused, stored.Task, result);
            }

            var extra = alongside is null ? null : await alongside(stored);
            var outcome = await repository.CommitAsync(reviewId, stored, result.State!, entry!, cancellationToken, extra);
            switch (outcome)
            {
                case CommitOutcome.Committed:
                    Log.DecisionStored(logger, taskId, entry!.Kind.ToString(), result.State!.Version, actor.Email);
                    return new SubmissionResult(SubmissionStatus.Accepted, stored.Task with { State = result.State! }, result);
                case CommitOutcome.Conflict when attempt < MaxAttempts:
                    Log.DecisionConflict(logger, taskId, attempt);
                    // Contention back-off, not business time: a real short pause even under a fake review clock.
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * Math.Min(attempt, 5))), TimeProvider.System, cancellationToken);
                    continue;
                default:
                    throw new InvalidOperationException($"Task {taskId} kept changing under {MaxAttempts} attempts to store a decision.");
            }
        }
    }

    private static bool IsViewOf(TaskState state, int round, Member actor) =>
        state.Round == round && state.BureauView?.AnsweredBy is { } by
        && string.Equals(Member.NormalizeEmail(by), Member.NormalizeEmail(actor.Email), StringComparison.Ordinal);

    private static HistoryEntry? Entry(StoredTask stored, DecisionResult result, HistoryKind kind, Stage stage, Member actor, DateTimeOffset now, int cardVersion, StageAnswer? answer, string? reason) =>
        !result.Accepted ? null : new HistoryEntry
        {
            TaskId = stored.Task.Id,
            Kind = kind,
            Stage = stage,
            By = actor.Email,
            ByAadObjectId = actor.AadObjectId,
            At = now,
            CardVersion = cardVersion,
            ResultingVersion = result.State!.Version,
            Answer = answer,
            Late = result.Late,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        };
}
