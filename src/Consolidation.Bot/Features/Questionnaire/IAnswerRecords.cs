using Consolidation.Bot.Domain;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Review;

namespace Consolidation.Bot.Features.Questionnaire;

/// <summary>
/// What submitting an answer reads and writes, as one small seam: unit tests of <see cref="AnswerSubmission"/> fake it,
/// the bot's is <see cref="AnswerRecords"/> over the repository, the decision service and the outbox.
/// </summary>
public interface IAnswerRecords
{
    /// <summary>The task as storage holds it now; null when there is no such task.</summary>
    Task<ReviewTask?> StoredTaskAsync(string reviewId, string taskId, CancellationToken cancellationToken);

    /// <summary>Whether this answer, the member's to card <paramref name="version"/> of the task, was stored before (Teams redelivers).</summary>
    Task<bool> IsAnswerStoredAsync(string reviewId, string taskId, int version, Member member, StageAnswer answer, CancellationToken cancellationToken);

    /// <summary>Decides the answer on the rules and commits it with its history (<see cref="DecisionService.AnswerAsync(string, Member, string, StageAnswer, int, DecisionInput?, CancellationToken)"/>).</summary>
    Task<SubmissionResult> DecideAsync(string reviewId, Member member, string taskId, StageAnswer answer, int version, DecisionInput? readInThisTurn, CancellationToken cancellationToken);

    /// <summary>Decides a bureau contact's view at WG on the rules and commits it with its history (<see cref="DecisionService.RecordBureauViewAsync"/>).</summary>
    Task<SubmissionResult> RecordBureauViewAsync(string reviewId, Member member, string taskId, BureauViewAnswer answer, int round, CancellationToken cancellationToken);

    /// <summary>Queues the work of sending a member their next card.</summary>
    Task QueueNextCardAsync(OutboxMessage message, CancellationToken cancellationToken);
}
