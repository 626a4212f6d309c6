using Azure;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Consolidation.Bot.Tests.Features.Questionnaire;

/// <summary>
/// The one service that decides a submitted answer (issue 20), through a fake of what it reads and writes: the domain's
/// rules are the real ones, storage is not needed. Each outcome, and which reads and writes it takes to get there.
/// </summary>
public class AnswerSubmissionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 3, 0, 0, TimeSpan.Zero);
    private static readonly Member Assignee = new() { Email = "sato@city.example.jp", Name = "佐藤", Subcommittees = [Subcommittee.WelfareHealth] };
    private static readonly Member Other = new() { Email = "ito@city.example.jp", Name = "伊藤" };
    private static readonly PreWgAnswer Keep = new() { Routine = true, Decision = PreWgDecision.Keep, AnnualCases = 1200, StaffHours = 300 };

    [Fact]
    public async Task NotTheAssignee_NotYours_NothingReadOrDecided()
    {
        var records = new FakeRecords(Task());

        var result = await Submission(records).SubmitAsync(Context(Task()), Other, Task(), Stage.PreWg, 2, Keep, CancellationToken.None);

        Assert.Equal((AnswerOutcome.NotYours, "not_assignee"), (result.Outcome, result.MetricName));
        Assert.Equal((0, 0), (records.StoredTaskReads, records.Decisions));
    }

    [Fact]
    public async Task CurrentCard_Accepted_DecidedOnWhatTheTurnRead()
    {
        var records = new FakeRecords(Task());

        var result = await Submission(records).SubmitAsync(Context(Task()), Assignee, Task(), Stage.PreWg, 2, Keep, CancellationToken.None);

        Assert.Equal(AnswerOutcome.Accepted, result.Outcome);
        Assert.Equal((Stage.Wg, 3), (result.Task!.Stage, result.Task.State.Version));
        Assert.NotNull(records.LastInput);
        Assert.Equal("J-0001|v2|sato@city.example.jp", records.LastKey);
        Assert.Equal(0, records.StoredTaskReads);
    }

    [Fact]
    public async Task OlderCardThanMemory_SenderScoped_StorageReadAgain_AcceptedWhenStorageHasTheCardsVersion()
    {
        // This instance's memory is ahead of storage by nothing it wrote: decide on storage, not on the memory's version.
        var records = new FakeRecords(Task(version: 2));
        var inMemory = Task(version: 3);

        var result = await Submission(records).SubmitAsync(Context(inMemory, senderScoped: true), Assignee, inMemory, Stage.PreWg, 2, Keep, CancellationToken.None);

        Assert.Equal(AnswerOutcome.Accepted, result.Outcome);
        Assert.Equal(1, records.StoredTaskReads);
        Assert.Null(records.LastInput); // what the turn read was not what storage holds: the decision reads again
    }

    [Fact]
    public async Task OlderCard_StaleWhenStorageAgrees_NotReReadWhenTheTurnReadStorageItself()
    {
        var records = new FakeRecords(Task(version: 3));

        var scoped = await Submission(records).SubmitAsync(Context(Task(version: 3), senderScoped: true), Assignee, Task(version: 3), Stage.PreWg, 2, Keep, CancellationToken.None);
        var fresh = await Submission(records).SubmitAsync(Context(Task(version: 3)), Assignee, Task(version: 3), Stage.PreWg, 2, Keep, CancellationToken.None);

        Assert.Equal((AnswerOutcome.Stale, AnswerOutcome.Stale), (scoped.Outcome, fresh.Outcome));
        Assert.Equal((1, 0), (records.StoredTaskReads, records.Decisions));
    }

    [Fact]
    public async Task Redelivery_OfAStoredSubmission_Duplicate_AnotherMembersEarlierAnswer_Stale()
    {
        var answered = Answered();
        var records = new FakeRecords(answered);
        records.StoredKeys.Add(AnswerSubmission.SubmissionKey("J-0001", 2, Assignee));

        var again = await Submission(records).SubmitAsync(Context(answered), Assignee, answered, Stage.PreWg, 2, Keep, CancellationToken.None);
        records.StoredKeys.Clear();
        var notOurs = await Submission(records).SubmitAsync(Context(answered), Assignee, answered, Stage.PreWg, 2, Keep, CancellationToken.None);

        Assert.Equal((AnswerOutcome.Duplicate, AnswerOutcome.Stale), (again.Outcome, notOurs.Outcome));
        Assert.Equal(0, records.Decisions);
    }

    [Fact]
    public async Task InputThatDidNotParse_Invalid_NothingDecided()
    {
        var records = new FakeRecords(Task());

        var result = await Submission(records).SubmitAsync(Context(Task()), Assignee, Task(), Stage.PreWg, 2, answer: null, CancellationToken.None);

        Assert.Equal(AnswerOutcome.Invalid, result.Outcome);
        Assert.Equal(0, records.Decisions);
    }

    [Fact]
    public async Task RefusedByTheRules_MappedToOneOutcome_WithTheFieldErrors()
    {
        var invalid = await Submission(new FakeRecords(Task())).SubmitAsync(
            Context(Task()), Assignee, Task(), Stage.PreWg, 2, new PreWgAnswer { Decision = PreWgDecision.Exclude }, CancellationToken.None);
        var closed = await Submission(new FakeRecords(Task()) { Window = Window(closedAt: Now.AddDays(-1)) }).SubmitAsync(
            Context(Task()), Assignee, Task(), Stage.PreWg, 2, Keep, CancellationToken.None);
        var gone = await Submission(new FakeRecords(null)).SubmitAsync(Context(Task()), Assignee, Task(), Stage.PreWg, 2, Keep, CancellationToken.None);

        Assert.Equal(AnswerOutcome.Invalid, invalid.Outcome);
        Assert.Equal(AnswerErrors.ReasonRequired, invalid.FieldErrors!["Reason"]);
        Assert.Equal((AnswerOutcome.Closed, "stage_closed"), (closed.Outcome, closed.MetricName));
        Assert.Equal((AnswerOutcome.NotFound, "not_found"), (gone.Outcome, gone.MetricName));
    }

    [Fact]
    public async Task NextCard_QueuedOnlyWhenSomethingStillWaits_AFailureToQueueIsNotAFailureToStore()
    {
        var second = new ReviewTask(Task().Definition with { Id = "J-0002" }, new TaskState { TaskId = "J-0002", Stage = Stage.PreWg, Version = 2 });
        var context = new ActiveReviewContext(new ReviewSnapshot("r1", "n", 1, [Task(), second], [Assignee], [Window()]), Assignee);
        var records = new FakeRecords(Task());
        var submission = Submission(records);

        var oneLeft = await submission.QueueNextCardAsync(context, Assignee, [Answered()], "tenant", CancellationToken.None);
        var noneLeft = await submission.QueueNextCardAsync(context, Assignee, [Answered(), Answered("J-0002")], "tenant", CancellationToken.None);
        records.QueueFails = true;
        var failed = await submission.QueueNextCardAsync(context, Assignee, [Answered()], "tenant", CancellationToken.None);

        Assert.Equal((true, false, true), (oneLeft, noneLeft, failed));
        var queued = Assert.Single(records.Queued);
        Assert.Equal((OutboxMessage.NextCard, "r1", "tenant", Assignee.Email), (queued.Kind, queued.ReviewId, queued.TenantId, queued.Email));
    }

    private static AnswerSubmission Submission(IAnswerRecords records) => new(records, NullLogger<AnswerSubmission>.Instance);

    private static ReviewTask Task(Stage stage = Stage.PreWg, int version = 2) => new(
        new TaskDefinition { Id = "J-0001", Name = "住民票の写しの交付", Bureau = "市民局", Subcommittee = Subcommittee.WelfareHealth, Assignee = Assignee.Email },
        new TaskState { TaskId = "J-0001", Stage = stage, Version = version });

    private static ReviewTask Answered(string id = "J-0001")
    {
        var task = Task() with { Definition = Task().Definition with { Id = id }, State = new TaskState { TaskId = id, Stage = Stage.PreWg, Version = 2 } };
        return task with { State = ReviewRules.Answer(task, Assignee, Keep, 2, Window(), Now).State! };
    }

    private static StageWindow Window(DateTimeOffset? closedAt = null) => new()
    {
        Stage = Stage.PreWg, Subcommittee = Subcommittee.WelfareHealth, OpenedAt = Now.AddDays(-9), Deadline = Now.AddDays(10), ClosedAt = closedAt,
    };

    private static ActiveReviewContext Context(ReviewTask task, bool senderScoped = false) => new(
        new ReviewSnapshot("r1", "n", 1, [task], [Assignee], [Window()]), Assignee, senderScoped,
        new Dictionary<string, StoredTask> { [task.Id] = new(task, new ETag("\"e1\"")) });

    /// <summary>Storage as the submission sees it: one task as stored, the stored submission keys, the rules for decisions.</summary>
    private sealed class FakeRecords(ReviewTask? stored) : IAnswerRecords
    {
        public HashSet<string> StoredKeys { get; } = new(StringComparer.Ordinal);

        public List<OutboxMessage> Queued { get; } = [];

        public StageWindow Window { get; init; } = AnswerSubmissionTests.Window();

        public bool QueueFails { get; set; }

        public int StoredTaskReads { get; private set; }

        public int Decisions { get; private set; }

        public DecisionInput? LastInput { get; private set; }

        public string? LastKey { get; private set; }

        public Task<ReviewTask?> StoredTaskAsync(string reviewId, string taskId, CancellationToken cancellationToken)
        {
            StoredTaskReads++;
            return System.Threading.Tasks.Task.FromResult(stored);
        }

        public Task<bool> IsSubmissionStoredAsync(string reviewId, string submissionKey, CancellationToken cancellationToken) =>
            System.Threading.Tasks.Task.FromResult(StoredKeys.Contains(submissionKey));

        public Task<SubmissionResult> DecideAsync(string reviewId, Member member, string taskId, StageAnswer answer, int version, string submissionKey, DecisionInput? readInThisTurn, CancellationToken cancellationToken)
        {
            (Decisions, LastInput, LastKey) = (Decisions + 1, readInThisTurn, submissionKey);
            if (stored is null)
            {
                return System.Threading.Tasks.Task.FromResult(new SubmissionResult(SubmissionStatus.NotFound, null));
            }

            var decision = ReviewRules.Answer(stored, member, answer, version, Window, Now);
            return System.Threading.Tasks.Task.FromResult(decision.Accepted
                ? new SubmissionResult(SubmissionStatus.Accepted, stored with { State = decision.State! }, decision)
                : new SubmissionResult(SubmissionStatus.Refused, stored, decision));
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
}
