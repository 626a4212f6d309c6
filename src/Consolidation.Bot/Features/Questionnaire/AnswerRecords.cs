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

    public Task<bool> IsAnswerStoredAsync(string reviewId, string taskId, int version, Member member, StageAnswer answer, CancellationToken cancellationToken) =>
        repository.IsAnswerStoredAsync(reviewId, taskId, version, member.Email, answer, cancellationToken);

    public Task<SubmissionResult> DecideAsync(string reviewId, Member member, string taskId, StageAnswer answer, int version, DecisionInput? readInThisTurn, CancellationToken cancellationToken) =>
        decisions.AnswerAsync(reviewId, member, taskId, answer, version, readInThisTurn, cancellationToken);

    public Task<SubmissionResult> RecordBureauViewAsync(string reviewId, Member member, string taskId, BureauViewAnswer answer, int round, CancellationToken cancellationToken) =>
        decisions.RecordBureauViewAsync(reviewId, member, taskId, answer, round, cancellationToken);

    public Task QueueNextCardAsync(OutboxMessage message, CancellationToken cancellationToken) => outbox.EnqueueAsync(message, cancellationToken);
}
