using Consolidation.Bot.Domain;
using Consolidation.Bot.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace Consolidation.Bot.Tests.Scheduling;

/// <summary>
/// December 2026 simulated with a fake clock moving 10 minutes at a time: the scheduler's due-slot rule with the default
/// schedules yields exactly the expected digests and reminders, at the expected local times (Asia/Tokyo).
/// </summary>
public class ScheduleMonthTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly ScheduleCalendar Calendar = new(new ScheduleOptions(), Tokyo);

    private static DateTimeOffset Jst(int month, int day, int hour = 9, int minute = 0) =>
        new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.Zero).AddHours(-Tokyo.BaseUtcOffset.TotalHours);

    // Pre-WG of 福祉・健康部会 is open until the end of Friday 18 December (local time).
    private static readonly StageWindow Window = new()
    {
        Stage = Stage.PreWg, Subcommittee = Subcommittee.WelfareHealth, OpenedAt = Jst(12, 1), Deadline = Jst(12, 18, 23, 59).AddSeconds(59),
    };

    private static readonly Member Member = new() { Email = "kenichi.sato@city.example.jp", Name = "佐藤 健一", Subcommittees = [Subcommittee.WelfareHealth] };
    private static readonly Member Lead = new() { Email = "lead@city.example.jp", Name = "部会長", Role = MemberRole.Lead, Subcommittees = [Subcommittee.WelfareHealth] };

    private static ReviewTask Open(string id) => new(
        new TaskDefinition { Id = id, Name = "事務" + id, Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth, Assignee = Member.Email },
        new TaskState { TaskId = id, Stage = Stage.PreWg, Version = 2 });

    private static List<(ScheduleKind Kind, DateTimeOffset Slot)> SimulateDecember()
    {
        var clock = new FakeTimeProvider(Jst(11, 30, 12));
        var last = new Dictionary<ScheduleKind, DateTimeOffset> { [ScheduleKind.Digest] = clock.GetUtcNow(), [ScheduleKind.Reminders] = clock.GetUtcNow() };
        var runs = new List<(ScheduleKind, DateTimeOffset)>();
        while (clock.GetUtcNow() < Jst(12, 31, 23, 59))
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            foreach (var kind in last.Keys.ToList())
            {
                if (Calendar.Due(kind, last[kind], clock.GetUtcNow()) is { } slot)
                {
                    runs.Add((kind, slot));
                    last[kind] = slot;
                }
            }
        }

        return runs;
    }

    [Fact]
    public void December_DigestsEveryMondayAt9LocalTime()
    {
        var digests = SimulateDecember().Where(r => r.Kind == ScheduleKind.Digest).Select(r => TimeZoneInfo.ConvertTime(r.Slot, Tokyo)).ToList();

        Assert.Equal([Jst(12, 7), Jst(12, 14), Jst(12, 21), Jst(12, 28)], digests.Select(d => d.ToUniversalTime()));
        Assert.All(digests, d => Assert.Equal((DayOfWeek.Monday, 9, 0, 9.0), (d.DayOfWeek, d.Hour, d.Minute, d.Offset.TotalHours)));
    }

    [Fact]
    public void December_RemindersThreeAndOneDayBeforeOnTheDayThenEveryWeekday_EscalationsOnlyAfterTheDeadline()
    {
        var tasks = new[] { Open("J-0001"), Open("J-0002") };
        var reminderRuns = SimulateDecember().Where(r => r.Kind == ScheduleKind.Reminders).ToList();

        var sent = reminderRuns
            .Select(r => (r.Slot, Plan: ReminderPlan.For(r.Slot, manual: false, tasks, [Window], [Member, Lead], Calendar, new ScheduleOptions().EffectiveReminderDaysBefore)))
            .Where(x => x.Plan.Reminders.Count > 0)
            .ToList();

        Assert.Equal(31, reminderRuns.Count); // a reminder slot every day at 09:00; most say nothing
        Assert.Equal(
            [Jst(12, 15), Jst(12, 17), Jst(12, 18), Jst(12, 21), Jst(12, 22), Jst(12, 23), Jst(12, 24), Jst(12, 25), Jst(12, 28), Jst(12, 29), Jst(12, 30), Jst(12, 31)],
            sent.Select(x => x.Slot));
        Assert.All(sent, x => Assert.Equal(["J-0001", "J-0002"], Assert.Single(x.Plan.Reminders).Items.Select(i => i.TaskId)));
        Assert.All(sent.Where(x => x.Slot < Window.Deadline), x => Assert.Empty(x.Plan.Escalations));
        Assert.All(sent.Where(x => x.Slot > Window.Deadline), x => Assert.Equal(Lead.Email, Assert.Single(x.Plan.Escalations).LeadEmail));
        Assert.All(sent.Where(x => x.Slot > Window.Deadline), x => Assert.All(x.Plan.Reminders[0].Items, i => Assert.True(i.Late)));
    }

    [Fact]
    public void MemberWhoAnsweredEverything_GetsNothing()
    {
        var answered = Open("J-0001") with
        {
            State = new TaskState
            {
                TaskId = "J-0001", Stage = Stage.Wg, Version = 3,
                PreWg = new StageOutcome { Answer = new PreWgAnswer { Decision = PreWgDecision.Keep, Routine = true }, AnsweredBy = Member.Email, AnsweredAt = Jst(12, 2) },
            },
        };

        var plan = ReminderPlan.For(Jst(12, 17), manual: false, [answered], [Window], [Member, Lead], Calendar, [3, 1, 0]);

        Assert.Empty(plan.Reminders);
        Assert.Empty(plan.Escalations);
    }

    [Fact]
    public void BotDownForDays_CatchesUpOnlyTheLatestMissedSlot()
    {
        var due = Calendar.Due(ScheduleKind.Reminders, Jst(12, 14, 10), Jst(12, 17, 15));

        Assert.Equal(Jst(12, 17), due);
        Assert.Null(Calendar.Due(ScheduleKind.Reminders, Jst(12, 17), Jst(12, 17, 15)));
    }

    [Fact]
    public void ManualRun_RemindsEveryMemberWithOpenTasksWhateverTheDay()
    {
        var plan = ReminderPlan.For(Jst(12, 9, 14, 23), manual: true, [Open("J-0001")], [Window], [Member, Lead], Calendar, [3, 1, 0]);

        Assert.Single(plan.Reminders);
        Assert.Empty(plan.Escalations);
    }

    [Theory]
    [InlineData("0 9 * * MON", true)]
    [InlineData("not a cron", false)]
    [InlineData("0 25 * * *", false)]
    public void Options_CronIsValidated(string digest, bool valid)
    {
        var results = new ScheduleOptions { Digest = digest }.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new object())).ToList();

        Assert.Equal(valid, results.Count == 0);
    }
}
