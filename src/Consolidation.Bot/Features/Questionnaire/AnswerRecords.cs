using Consolidation.Bot.Domain;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.Features.Questionnaire;

/// <summary>
/// What submitting an answer reads and writes, as one small seam: unit tests of <see cref="AnswerSubmission"/> fake it,
/// the bot's is <see cref="AnswerRecords"/> over the repository, the decision service and the outbox.
/// </summary>
public interface IAnswerRecords
{
    /// <summary>The task as storage holds it now; null when there is no such task.</summary>
    Task<ReviewTask?> StoredTaskAsync(string reviewId, string taskId, CancellationToken cancellationToken);

    /// <summary>Whether a submission with this key was stored before (Teams redelivers).</summary>
    Task<bool> IsSubmissionStoredAsync(string reviewId, string submissionKey, CancellationToken cancellationToken);

    /// <summary>Decides the answer on the rules and commits it with its history (<see cref="DecisionService.AnswerAsync(string, Member, string, StageAnswer, int, string?, DecisionInput?, CancellationToken)"/>).</summary>
    Task<SubmissionResult> DecideAsync(string reviewId, Member member, string taskId, StageAnswer answer, int version, string submissionKey, DecisionInput? readInThisTurn, CancellationToken cancellationToken);

    /// <summary>Decides a bureau contact's view at WG on the rules and commits it with its history (<see cref="DecisionService.RecordBureauViewAsync"/>).</summary>
    Task<SubmissionResult> RecordBureauViewAsync(string reviewId, Member member, string taskId, BureauViewAnswer answer, int round, string submissionKey, CancellationToken cancellationToken);

    /// <summary>Queues the work of sending a member their next card.</summary>
    Task QueueNextCardAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <inheritdoc />
public sealed class AnswerRecords(DecisionService decisions, ReviewRepository repository, OutboxClient outbox) : IAnswerRecords
{
    public async Task<ReviewTask?> StoredTaskAsync(string reviewId, string taskId, CancellationToken cancellationToken) =>
        (await repository.GetTaskAsync(reviewId, taskId, cancellationToken))?.Task;

    public Task<bool> IsSubmissionStoredAsync(string reviewId, string submissionKey, CancellationToken cancellationToken) =>
        repository.IsStoredAsync(reviewId, submissionKey, cancellationToken);

    public Task<SubmissionResult> DecideAsync(string reviewId, Member member, string taskId, StageAnswer answer, int version, string submissionKey, DecisionInput? readInThisTurn, CancellationToken cancellationToken) =>
        decisions.AnswerAsync(reviewId, member, taskId, answer, version, submissionKey, readInThisTurn, cancellationToken);

    public Task<SubmissionResult> RecordBureauViewAsync(string reviewId, Member member, string taskId, BureauViewAnswer answer, int round, string submissionKey, CancellationToken cancellationToken) =>
        decisions.RecordBureauViewAsync(reviewId, member, taskId, answer, round, submissionKey, cancellationToken);

    public Task QueueNextCardAsync(OutboxMessage message, CancellationToken cancellationToken) => outbox.EnqueueAsync(message, cancellationToken);
}
