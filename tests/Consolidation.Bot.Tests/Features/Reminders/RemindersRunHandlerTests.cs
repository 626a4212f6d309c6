using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Reminders;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Review;
using Consolidation.Bot.Scheduling;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Consolidation.Bot.Tests.Features.Questionnaire.AnswerFixtures;

namespace Consolidation.Bot.Tests.Features.Reminders;

/// <summary>
/// The reminder run's outbox handler at unit level (issue 20): the run's row and the queue held in memory. It queues one
/// message per member and per lead and marks the run done; a run already done queues nothing again.
/// </summary>
public class RemindersRunHandlerTests
{
    private const string RunKey = "manual-reminders|20261210T030000Z";
    private static readonly ScheduleOptions Schedule = new();
    private static readonly Member Lead = new() { Email = "lead@city.example.jp", Name = "福祉 部会長", Role = MemberRole.Lead, Subcommittees = [Subcommittee.WelfareHealth] };

    private readonly FakeScheduledRuns _runs = new();
    private readonly FakeOutboxWriter _outbox = new();

    [Fact]
    public async Task RemindNow_EachMemberWithOpenTasksQueuedOnce_TheRunDone()
    {
        _runs.Claimed(RunKey, Now, manual: true);

        Assert.True(await Handler(Review(Window())).HandleAsync(Message(), CancellationToken.None));

        var queued = Assert.Single(_outbox.Queued); // 佐藤's two tasks are one reminder
        Assert.Equal((OutboxMessage.Reminder, Assignee.Email, RunKey, "tenant-1"), (queued.Kind, queued.Email, queued.RunKey, queued.TenantId));
        var run = _runs.Stored(RunKey)!;
        Assert.Equal((ScheduledRunEntity.Done, Now), (run.Status, run.DoneAt));
    }

    [Fact]
    public async Task LateTasks_TheSubcommitteesLeadIsQueuedAnEscalation()
    {
        _runs.Claimed(RunKey, Now, manual: true);

        await Handler(Review(Window() with { Deadline = Now.AddDays(-1) })).HandleAsync(Message(), CancellationToken.None);

        Assert.Equal(
            [(OutboxMessage.Reminder, Assignee.Email, (string?)null), (OutboxMessage.Escalation, Lead.Email, "WelfareHealth")],
            _outbox.Queued.Select(m => (m.Kind, m.Email, m.Subcommittee)));
    }

    [Fact]
    public async Task RunAlreadyDone_NothingQueuedAgain()
    {
        _runs.Claimed(RunKey, Now, manual: true);
        await Handler(Review(Window())).HandleAsync(Message(), CancellationToken.None);
        _outbox.Queued.Clear();

        Assert.True(await Handler(Review(Window())).HandleAsync(Message(), CancellationToken.None)); // redelivered

        Assert.Empty(_outbox.Queued);
    }

    [Fact]
    public async Task UnknownRunOrReview_DoneWithNothingQueued()
    {
        _runs.Claimed(RunKey, Now, manual: true);

        Assert.True(await Handler(Review(Window())).HandleAsync(Message() with { RunKey = "manual-reminders|unknown" }, CancellationToken.None));
        Assert.True(await Handler(Review(Window())).HandleAsync(Message() with { ReviewId = "r2" }, CancellationToken.None));

        Assert.Empty(_outbox.Queued);
    }

    private static ReviewSnapshot Review(StageWindow window) => new("r1", "n", 1, [Task(), Second()], [Assignee, Lead], [window]);

    private static OutboxMessage Message() => new()
    {
        Kind = OutboxMessage.Reminders, ReviewId = "r1", TenantId = "tenant-1", RunKey = RunKey, Slot = Now, Manual = true,
    };

    private RemindersRunHandler Handler(ReviewSnapshot review) => new(
        new FakeSnapshots(review), _runs, new ScheduleCalendar(Schedule, HandlerParts.Composer().Zone), _outbox,
        Options.Create(Schedule), new FakeTimeProvider(Now), NullLogger<RemindersRunHandler>.Instance);
}
