using Consolidation.Bot.Conversations;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Digest;
using Consolidation.Bot.Features.Reminders;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Scheduling;
using static Consolidation.Bot.Tests.Features.Questionnaire.AnswerFixtures;

namespace Consolidation.Bot.Tests.Features.Administration;

/// <summary>
/// "リマインド" and "ダイジェスト" at unit level (issue 20): the secretariat's run triggered and confirmed; anyone else
/// refused in words that name the command; no digest without a council channel to post it in.
/// </summary>
public class ScheduledCommandHandlerTests
{
    private static readonly BotText Japanese = HandlerParts.Japanese;

    [Fact]
    public async Task Secretariat_TheRemindersRunTriggeredForTheTenant_Confirmed()
    {
        var connector = new RecordingConnector();
        var trigger = new FakeTrigger();

        await new RemindNowHandler(new FakeReviewLoader(Context(Task()) with { Sender = Secretariat }), trigger)
            .HandleAsync(HandlerTurns.Message("リマインド", connector), CancellationToken.None);

        Assert.Equal((ScheduleKind.Reminders, "tenant-1", Secretariat.Email), trigger.Triggered);
        Assert.Equal(Japanese[nameof(Strings.Reminder_Queued)], Assert.Single(connector.Sent).Text);
    }

    [Fact]
    public async Task AMember_RefusedInWordsAboutReminders_NothingTriggered()
    {
        var connector = new RecordingConnector();
        var trigger = new FakeTrigger();

        await new RemindNowHandler(new FakeReviewLoader(Context(Task())), trigger).HandleAsync(HandlerTurns.Message("リマインド", connector), CancellationToken.None);

        Assert.Equal(Japanese[nameof(Strings.Reminder_NotSecretariat)], Assert.Single(connector.Sent).Text);
        Assert.Null(trigger.Triggered);
    }

    [Fact]
    public async Task Digest_Secretariat_CouncilRegistered_TheDigestRunTriggered_Confirmed()
    {
        var connector = new RecordingConnector();
        var trigger = new FakeTrigger();

        await Digest(Secretariat, trigger, council: true).HandleAsync(HandlerTurns.Message("ダイジェスト", connector), CancellationToken.None);

        Assert.Equal((ScheduleKind.Digest, "tenant-1", Secretariat.Email), trigger.Triggered);
        Assert.Equal(Japanese[nameof(Strings.Digest_Queued)], Assert.Single(connector.Sent).Text);
    }

    [Theory]
    [InlineData(true, false, nameof(Strings.Digest_NoCouncil))]
    [InlineData(false, true, nameof(Strings.DigestNow_NotSecretariat))]
    public async Task Digest_NoCouncilChannelOrNotTheSecretariat_Told_NothingTriggered(bool secretariat, bool council, string expectedKey)
    {
        var connector = new RecordingConnector();
        var trigger = new FakeTrigger();

        await Digest(secretariat ? Secretariat : Assignee, trigger, council).HandleAsync(HandlerTurns.Message("ダイジェスト", connector), CancellationToken.None);

        Assert.Equal(Japanese[expectedKey], Assert.Single(connector.Sent).Text);
        Assert.Null(trigger.Triggered);
    }

    private static DigestNowHandler Digest(Member sender, FakeTrigger trigger, bool council) =>
        new(new FakeReviewLoader(Context(Task()) with { Sender = sender }), new FakeConversationReferences { Council = council ? FakeConversationReferences.Channel("tenant-1") : null }, trigger);

    private sealed class FakeTrigger : IScheduledRunTrigger
    {
        public (ScheduleKind Kind, string? TenantId, string By)? Triggered { get; private set; }

        public Task<bool> TriggerNowAsync(ScheduleKind kind, string? tenantId, Member by, CancellationToken cancellationToken)
        {
            Triggered = (kind, tenantId, by.Email);
            return System.Threading.Tasks.Task.FromResult(true);
        }
    }
}
