using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Reminders;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Scheduling;
using Microsoft.Extensions.Options;
using static Consolidation.Bot.Tests.Features.Questionnaire.AnswerFixtures;

namespace Consolidation.Bot.Tests.Features.Reminders;

/// <summary>
/// The reminder and escalation outbox handlers at unit level (issue 20): the review held in memory, the once-per-recipient
/// sending faked. What each recipient is sent is decided when it is sent (an answered task is no longer in it).
/// </summary>
public class ReminderOutboxHandlerTests
{
    private static readonly ScheduleOptions Schedule = new();
    private static readonly Member Lead = new() { Email = "lead@city.example.jp", Name = "福祉 部会長", Role = MemberRole.Lead, Subcommittees = [Subcommittee.WelfareHealth] };
    private static readonly StageWindow Late = Window() with { Deadline = Now.AddDays(-1) };

    [Fact]
    public async Task Reminder_TheMembersOpenTask_OnceForTheMember()
    {
        var sender = new FakeSender();

        var done = await Reminders(Snapshot(Window()), sender).HandleAsync(Message(OutboxMessage.Reminder, Assignee.Email), CancellationToken.None);

        Assert.True(done);
        Assert.Equal("member|" + Assignee.Email, sender.RecipientKey);
        Assert.Contains("住民票の写しの交付", Card(sender.Built!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminder_TaskAnsweredSinceTheRunWasQueued_NothingToSend()
    {
        var sender = new FakeSender();
        var snapshot = Snapshot(Window()) with { Tasks = [Answered()] };

        await Reminders(snapshot, sender).HandleAsync(Message(OutboxMessage.Reminder, Assignee.Email), CancellationToken.None);

        Assert.Equal("member|" + Assignee.Email, sender.RecipientKey);
        Assert.Null(sender.Built);
    }

    [Fact]
    public async Task Escalation_TheLeadIsSentTheLateTaskWithItsAssignee()
    {
        var sender = new FakeSender();

        var done = await Escalations(Snapshot(Late), sender).HandleAsync(Message(OutboxMessage.Escalation, Lead.Email, Subcommittee.WelfareHealth), CancellationToken.None);

        Assert.True(done);
        Assert.Equal($"lead|{Lead.Email}|WelfareHealth", sender.RecipientKey);
        var card = Card(sender.Built!);
        Assert.Contains("住民票の写しの交付", card, StringComparison.Ordinal);
        Assert.Contains(Assignee.Name, card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nobody@city.example.jp", "WelfareHealth")]
    [InlineData("lead@city.example.jp", "NoSuchSubcommittee")]
    public async Task Escalation_UnknownLeadOrSubcommittee_DoneWithNothingSent(string email, string subcommittee)
    {
        var sender = new FakeSender();
        var message = Message(OutboxMessage.Escalation, email) with { Subcommittee = subcommittee };

        Assert.True(await Escalations(Snapshot(Late), sender).HandleAsync(message, CancellationToken.None));
        Assert.Null(sender.RecipientKey);
    }

    private static ReviewSnapshot Snapshot(StageWindow window) => new("r1", "n", 1, [Task()], [Assignee, Lead], [window]);

    private static OutboxMessage Message(string kind, string email, Subcommittee? subcommittee = null) => new()
    {
        Kind = kind, ReviewId = "r1", TenantId = "tenant-1", Email = email, Slot = Now, Manual = true, RunKey = "reminders|manual",
        Subcommittee = subcommittee?.ToString(),
    };

    private static ReminderHandler Reminders(ReviewSnapshot snapshot, FakeSender sender) =>
        new(new FakeSnapshots(snapshot), sender, new ScheduleCalendar(Schedule, HandlerParts.Composer().Zone), Texts(), Options.Create(Schedule));

    private static EscalationHandler Escalations(ReviewSnapshot snapshot, FakeSender sender) =>
        new(new FakeSnapshots(snapshot), sender, new ScheduleCalendar(Schedule, HandlerParts.Composer().Zone), Texts(), Options.Create(Schedule));

    private static ScheduleTexts Texts() => new(HandlerParts.Composer(), Options.Create(Schedule));

    private static string Card(Activity activity) => Assert.Single(activity.Attachments!).Content!.Value.GetRawText();
}
