using Consolidation.Bot.Domain;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.Features.Questionnaire;

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
