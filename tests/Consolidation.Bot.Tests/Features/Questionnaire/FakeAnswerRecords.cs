using Azure;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Review;

namespace Consolidation.Bot.Tests.Features.Questionnaire;

/// <summary>Storage as the submission sees it: the tasks as stored, the answers stored before, the rules for decisions.</summary>
internal sealed class FakeAnswerRecords(ReviewTask? stored, params ReviewTask[] others) : IAnswerRecords
{
    private ReviewTask? Find(string taskId) => stored?.Id == taskId ? stored : others.FirstOrDefault(t => t.Id == taskId);

    /// <summary>Answers stored before, as (task, card version, member's email, answer).</summary>
    public HashSet<(string TaskId, int Version, string Email, StageAnswer Answer)> StoredAnswers { get; } = [];

    public List<OutboxMessage> Queued { get; } = [];

    public StageWindow Window { get; init; } = AnswerFixtures.Window();

    public bool QueueFails { get; set; }

    public int StoredTaskReads { get; private set; }

    public int Decisions { get; private set; }

    public DecisionInput? LastInput { get; private set; }

    /// <summary>The card version of the last answer decided, or the round of the last bureau view.</summary>
    public int? LastVersionOrRound { get; private set; }

    public Task<ReviewTask?> StoredTaskAsync(string reviewId, string taskId, CancellationToken cancellationToken)
    {
        StoredTaskReads++;
        return System.Threading.Tasks.Task.FromResult(Find(taskId));
    }

    public Task<bool> IsAnswerStoredAsync(string reviewId, string taskId, int version, Member member, StageAnswer answer, CancellationToken cancellationToken) =>
        System.Threading.Tasks.Task.FromResult(StoredAnswers.Contains((taskId, version, member.Email, answer)));

    public Task<SubmissionResult> DecideAsync(string reviewId, Member member, string taskId, StageAnswer answer, int version, DecisionInput? readInThisTurn, CancellationToken cancellationToken)
    {
        (Decisions, LastInput, LastVersionOrRound) = (Decisions + 1, readInThisTurn, version);
        if (Find(taskId) is not { } task)
        {
            return System.Threading.Tasks.Task.FromResult(new SubmissionResult(SubmissionStatus.NotFound, null));
        }

        var decision = ReviewRules.Answer(task, member, answer, version, Window, AnswerFixtures.Now);
        return System.Threading.Tasks.Task.FromResult(decision.Accepted
            ? new SubmissionResult(SubmissionStatus.Accepted, task with { State = decision.State! }, decision)
            : new SubmissionResult(SubmissionStatus.Refused, task, decision));
    }

    /// <summary>The WG window bureau views are decided under.</summary>
    public StageWindow WgWindow { get; init; } = AnswerFixtures.Window() with { Stage = Stage.Wg };

    public Task<SubmissionResult> RecordBureauViewAsync(string reviewId, Member member, string taskId, BureauViewAnswer answer, int round, CancellationToken cancellationToken)
    {
        (Decisions, LastVersionOrRound) = (Decisions + 1, round);
        if (Find(taskId) is not { } task)
        {
            return Task.FromResult(new SubmissionResult(SubmissionStatus.NotFound, null));
        }

        var decision = ReviewRules.RecordBureauView(task, member, answer, round, WgWindow, AnswerFixtures.Now);
        return Task.FromResult(decision.Accepted
            ? new SubmissionResult(SubmissionStatus.Accepted, task with { State = decision.State! }, decision)
            : new SubmissionResult(SubmissionStatus.Refused, task, decision));
    }

    public Task QueueNextCardAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (QueueFails)
        {
            throw new RequestFailedException(503, "The queue service is unavailable.");
        }

        Queued.Add(message);
        return System.Threading.Tasks.Task.CompletedTask;
    }
}
