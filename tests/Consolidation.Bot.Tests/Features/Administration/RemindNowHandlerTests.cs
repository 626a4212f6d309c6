using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Reminders;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Scheduling;
using static Consolidation.Bot.Tests.Features.Questionnaire.AnswerFixtures;

namespace Consolidation.Bot.Tests.Features.Administration;

/// <summary>"リマインド" at unit level (issue 20): the secretariat's run triggered and confirmed; anyone else refused in words that name the command.</summary>
public class RemindNowHandlerTests
{
    private static readonly BotText Japanese = HandlerParts.Japanese;
    private static readonly Member Secretariat = new() { Email = "yamada@city.example.jp", Name = "山田", Role = MemberRole.Secretariat, AadObjectId = "aad-sato" };

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
