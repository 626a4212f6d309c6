using Azure;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using static Consolidation.Bot.Tests.Features.Questionnaire.AnswerFixtures;

namespace Consolidation.Bot.Tests.Features.Questionnaire;

/// <summary>
/// The one service that decides a submitted answer (issue 20), through a fake of what it reads and writes: the domain's
/// rules are the real ones, storage is not needed. Each outcome, and which reads and writes it takes to get there.
/// </summary>
public class AnswerSubmissionTests
{
    [Fact]
    public async Task NotTheAssignee_NotYours_NothingReadOrDecided()
    {
        var records = new FakeAnswerRecords(Task());

        var result = await Submission(records).SubmitAsync(Context(Task()), Other, Task(), Stage.PreWg, 2, Keep, CancellationToken.None);

        Assert.Equal((AnswerOutcome.NotYours, "not_assignee"), (result.Outcome, result.MetricName));
        Assert.Equal((0, 0), (records.StoredTaskReads, records.Decisions));
    }

    [Fact]
    public async Task CurrentCard_Accepted_DecidedOnWhatTheTurnRead()
    {
        var records = new FakeAnswerRecords(Task());

        var result = await Submission(records).SubmitAsync(Context(Task()), Assignee, Task(), Stage.PreWg, 2, Keep, CancellationToken.None);

        Assert.Equal(AnswerOutcome.Accepted, result.Outcome);
        Assert.Equal((Stage.Wg, 3), (result.Task!.Stage, result.Task.State.Version));
        Assert.NotNull(records.LastInput);
        Assert.Equal(2, records.LastVersionOrRound);
        Assert.Equal(0, records.StoredTaskReads);
    }

    [Fact]
    public async Task OlderCardThanMemory_SenderScoped_StorageReadAgain_AcceptedWhenStorageHasTheCardsVersion()
    {
        // This instance's memory is ahead of storage by nothing it wrote: decide on storage, not on the memory's version.
        var records = new FakeAnswerRecords(Task(version: 2));
        var inMemory = Task(version: 3);

        var result = await Submission(records).SubmitAsync(Context(inMemory, senderScoped: true), Assignee, inMemory, Stage.PreWg, 2, Keep, CancellationToken.None);

        Assert.Equal(AnswerOutcome.Accepted, result.Outcome);
        Assert.Equal(1, records.StoredTaskReads);
        Assert.Null(records.LastInput); // what the turn read was not what storage holds: the decision reads again
    }

    [Fact]
    public async Task OlderCard_StaleWhenStorageAgrees_NotReReadWhenTheTurnReadStorageItself()
    {
        var records = new FakeAnswerRecords(Task(version: 3));

        var scoped = await Submission(records).SubmitAsync(Context(Task(version: 3), senderScoped: true), Assignee, Task(version: 3), Stage.PreWg, 2, Keep, CancellationToken.None);
        var fresh = await Submission(records).SubmitAsync(Context(Task(version: 3)), Assignee, Task(version: 3), Stage.PreWg, 2, Keep, CancellationToken.None);

        Assert.Equal((AnswerOutcome.Stale, AnswerOutcome.Stale), (scoped.Outcome, fresh.Outcome));
        Assert.Equal((1, 0), (records.StoredTaskReads, records.Decisions));
    }

    [Fact]
    public async Task Redelivery_OfAStoredAnswer_Duplicate_OtherValuesOrUnparsedOrNotStored_Stale()
    {
        var answered = Answered();
        var records = new FakeAnswerRecords(answered);
        records.StoredAnswers.Add(("J-0001", 2, Assignee.Email, Keep));

        var again = await Submission(records).SubmitAsync(Context(answered), Assignee, answered, Stage.PreWg, 2, Keep, CancellationToken.None);
        var otherValues = await Submission(records).SubmitAsync(Context(answered), Assignee, answered, Stage.PreWg, 2, Keep with { AnnualCases = 7 }, CancellationToken.None);
        var unparsed = await Submission(records).SubmitAsync(Context(answered), Assignee, answered, Stage.PreWg, 2, answer: null, CancellationToken.None);
        records.StoredAnswers.Clear();
        var notOurs = await Submission(records).SubmitAsync(Context(answered), Assignee, answered, Stage.PreWg, 2, Keep, CancellationToken.None);

        Assert.Equal((AnswerOutcome.Duplicate, AnswerOutcome.Stale), (again.Outcome, notOurs.Outcome));
        Assert.Equal((AnswerOutcome.Stale, AnswerOutcome.Stale), (otherValues.Outcome, unparsed.Outcome));
        Assert.Equal(0, records.Decisions);
    }

    [Fact]
    public async Task InputThatDidNotParse_Invalid_NothingDecided()
    {
        var records = new FakeAnswerRecords(Task());

        var result = await Submission(records).SubmitAsync(Context(Task()), Assignee, Task(), Stage.PreWg, 2, answer: null, CancellationToken.None);

        Assert.Equal(AnswerOutcome.Invalid, result.Outcome);
        Assert.Equal(0, records.Decisions);
    }

    [Fact]
    public async Task RefusedByTheRules_MappedToOneOutcome_WithTheFieldErrors()
    {
        var invalid = await Submission(new FakeAnswerRecords(Task())).SubmitAsync(
            Context(Task()), Assignee, Task(), Stage.PreWg, 2, new PreWgAnswer { Decision = PreWgDecision.Exclude }, CancellationToken.None);
        var closed = await Submission(new FakeAnswerRecords(Task()) { Window = Window(closedAt: Now.AddDays(-1)) }).SubmitAsync(
            Context(Task()), Assignee, Task(), Stage.PreWg, 2, Keep, CancellationToken.None);
        var gone = await Submission(new FakeAnswerRecords(null)).SubmitAsync(Context(Task()), Assignee, Task(), Stage.PreWg, 2, Keep, CancellationToken.None);

        Assert.Equal(AnswerOutcome.Invalid, invalid.Outcome);
        Assert.Equal(AnswerErrors.ReasonRequired, invalid.FieldErrors!["Reason"]);
        Assert.Equal((AnswerOutcome.Closed, "stage_closed"), (closed.Outcome, closed.MetricName));
        Assert.Equal((AnswerOutcome.NotFound, "not_found"), (gone.Outcome, gone.MetricName));
    }

    [Fact]
    public async Task NextCard_QueuedOnlyWhenSomethingStillWaits_AFailureToQueueIsNotAFailureToStore()
    {
        var second = Second();
        var context = new ActiveReviewContext(new ReviewSnapshot("r1", "n", 1, [Task(), second], [Assignee], [Window()]), Assignee);
        var records = new FakeAnswerRecords(Task());
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
}
