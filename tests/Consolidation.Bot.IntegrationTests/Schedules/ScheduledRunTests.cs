using Consolidation.Bot.Conversations;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Scheduling;
using Consolidation.Bot.Testing.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Consolidation.Bot.IntegrationTests.Schedules;

[CollectionDefinition(Name)]
public sealed class SchedulesCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Schedules";
}

/// <summary>
/// Scheduled runs against one Azurite with a fake clock shared by the bot instances: exactly once across instances and
/// across a restart. The connector is the Teams-limited fake, which counts what was posted where.
/// </summary>
[Collection(SchedulesCollection.Name)]
public class ScheduledRunTests(AzuriteFixture azurite)
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private const string CouncilId = "19:council-fake@thread.tacv2";

    private static DateTimeOffset Jst(int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, 12, day, hour, minute, 0, TimeSpan.Zero).AddHours(-Tokyo.BaseUtcOffset.TotalHours);

    /// <remarks>
    /// The pump runs the shared clock hundreds of times faster than the wall clock, and every timeout of the bot runs on
    /// that clock too (Polly takes the registered TimeProvider). At the defaults a loopback HTTP call slower than ~60 ms on
    /// a loaded machine timed out (30 s "passed"), was retried, and the connector, which had already accepted it, got
    /// the reminder twice (seen in CI). These tests are about slots, not timeouts: the timeouts and leases that measure
    /// work in flight are set to their longest, so they cannot fire while the pump runs.
    /// </remarks>
    private static Dictionary<string, string?> Settings(FanOutScenario scenario) => new(scenario.BotSettings())
    {
        ["Schedules:Enabled"] = "true",
        ["Bot:TenantId"] = FanOutScenario.TenantId,
        ["Outbox:PollInterval"] = "00:00:00.200",
        ["Bot:Connector:AttemptTimeout"] = "00:10:00",
        ["Bot:Connector:TotalTimeout"] = "01:00:00",
        ["Outbox:Lease"] = "1.00:00:00",
        // A send must start within 50 ms of its grant in the shared Teams budget, which a clock jumping 2 s every 10 ms
        // cannot give (every grant would be missed and asked again): the tenant's window is kept in the process here, and
        // the shared budget has its own tests on the real clock (SendBudgetTests, ScaleOutTests).
        ["SendBudget:Enabled"] = "false",
        ["Schedules:ClaimTimeout"] = "1.00:00:00",
        // The members' questionnaire cards are deliberately never queued here: the owed-card sweep, which runs on the same
        // pumped clock, would send them and they are not what these tests count (OwedCardTests covers the sweep).
        ["Outbox:SweepInterval"] = "00:00:00",
    };

    private static BotHost Host(IReadOnlyDictionary<string, string?> settings, FakeTimeProvider clock) =>
        new(settings, services => services.AddSingleton<TimeProvider>(clock));

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task TwoInstances_ClockCrossesTheMondayDigestSlot_ExactlyOneDigestPosted()
    {
        await using var connector = await FakeConnector.StartAsync();
        var scenario = new FanOutScenario(azurite.ConnectionString, azurite.NewTablePrefix(), connector, 6);
        var clock = new FakeTimeProvider(Jst(7, 8, 58)); // Monday 7 December, 08:58 in Tokyo
        await scenario.SeedAndOpenAsync(clock.GetUtcNow(), CancellationToken.None, queueCards: false);
        var settings = Settings(scenario);
        await using (var services = BotServices.Create(azurite.ConnectionString, settings["Storage:TablePrefix"]!))
        {
            await services.GetRequiredService<ConversationReferenceStore>().SetCouncilChannelAsync(new ConversationReference
            {
                TenantId = FanOutScenario.TenantId, Kind = ConversationKind.Channel, ConversationId = CouncilId, ServiceUrl = connector.ServiceUrl,
                ChannelId = CouncilId, TeamId = "19:team-fake@thread.tacv2", BotId = "28:fanout-bot",
            }, CancellationToken.None);
        }

        using var first = Host(settings, clock);
        using var second = Host(settings, clock);
        await first.StartAsync();
        await second.StartAsync();
        // The pump may run on to the evening (no other digest slot before next Monday): however slow the machine, the
        // bot's timers keep moving until the test has seen what it waits for.
        await using (new ClockPump(clock, TimeSpan.FromSeconds(2), Jst(7, 23)))
        {
            await WaitUntilAsync(() => connector.SendsByConversation().ContainsKey(CouncilId), TimeSpan.FromSeconds(60));
            await WaitUntilAsync(() => clock.GetUtcNow() >= Jst(7, 9, 10), TimeSpan.FromSeconds(60));
            // Nothing either instance could still send: the run recorded done and no outbox message queued or in hand.
            await WaitUntilAsync(() => RunDone(first, ScheduleKind.Digest) && first.OutboxDrained(), TimeSpan.FromSeconds(60));
        }

        var digests = connector.Deliveries.Where(d => d.ConversationId == CouncilId).ToList();
        var digest = Assert.Single(digests);
        Assert.Contains("集約化検討 進捗ダイジェスト", digest.Activity.ToJsonString(Json.Readable), StringComparison.Ordinal);
        var runs = await first.Services.GetRequiredService<ScheduleStore>().ListRunsAsync(CancellationToken.None);
        var run = Assert.Single(runs, r => r.Kind == nameof(ScheduleKind.Digest));
        Assert.Equal(Jst(7, 9), run.Slot);
        Assert.Equal(ScheduledRunEntity.Done, run.Status);
    }

    [Fact]
    public async Task BotDownAcrossAReminderSlot_OnStartItSendsThatReminderOnce()
    {
        await using var connector = await FakeConnector.StartAsync();
        const int Members = 5;
        var scenario = new FanOutScenario(azurite.ConnectionString, azurite.NewTablePrefix(), connector, Members);
        var clock = new FakeTimeProvider(Jst(16, 8)); // Wednesday 16 December, 08:00; deadline: end of Friday 18th
        await scenario.SeedAndOpenAsync(clock.GetUtcNow(), CancellationToken.None, queueCards: false, deadline: Jst(18, 23, 59).AddSeconds(59));
        var settings = Settings(scenario);
        await using (var services = BotServices.Create(azurite.ConnectionString, settings["Storage:TablePrefix"]!))
        {
            // Member 1 has answered everything: no reminder for them.
            var repository = services.GetRequiredService<Consolidation.Bot.Review.Storage.ReviewRepository>();
            var task = (await repository.GetTaskAsync(FanOutScenario.ReviewId, FanOutScenario.TaskOf(1), CancellationToken.None))!;
            var member = (await repository.GetMembersAsync(FanOutScenario.ReviewId, CancellationToken.None)).Single(m => m.AadObjectId == FanOutScenario.AadOf(1));
            var answered = await services.GetRequiredService<Consolidation.Bot.Review.DecisionService>().AnswerAsync(FanOutScenario.ReviewId, member, task.Task.Id,
                new Consolidation.Bot.Domain.PreWgAnswer { Routine = true, Decision = Consolidation.Bot.Domain.PreWgDecision.Keep }, task.Task.State.Version, CancellationToken.None);
            Assert.Equal(Consolidation.Bot.Review.SubmissionStatus.Accepted, answered.Status);
        }

        // The bot runs for a moment on Wednesday morning (it records where the schedules stand), then stops.
        using (var before = Host(settings, clock))
        {
            await before.StartAsync();
            var store = before.Services.GetRequiredService<ScheduleStore>();
            await WaitUntilAsync(() => store.GetStateAsync(ScheduleKind.Reminders, CancellationToken.None).Result is not null, TimeSpan.FromSeconds(30));
            Assert.Equal(Jst(16, 8), (await store.GetStateAsync(ScheduleKind.Reminders, CancellationToken.None))!.LastCompleted);
        }

        // Down across Wednesday 09:00 (2 days before: no reminder) and Thursday 09:00 (1 day before: reminders due).
        clock.SetUtcNow(Jst(17, 9, 30));
        using var after = Host(settings, clock);
        await after.StartAsync();
        // Up to Thursday evening at most: the next reminder slot is Friday 09:00 (the deadline day).
        await using (new ClockPump(clock, TimeSpan.FromSeconds(2), Jst(17, 23)))
        {
            await WaitUntilAsync(() => connector.SendsByConversation().Count >= Members - 1, TimeSpan.FromSeconds(60));
            await WaitUntilAsync(() => clock.GetUtcNow() >= Jst(17, 9, 45), TimeSpan.FromSeconds(60));
            await WaitUntilAsync(() => RunDone(after, ScheduleKind.Reminders) && after.OutboxDrained(), TimeSpan.FromSeconds(60));
        }

        var sends = connector.SendsByConversation();
        Assert.Equal(Members - 1, sends.Count);
        Assert.DoesNotContain(FanOutScenario.ConversationOf(1), sends.Keys);
        Assert.All(sends, s => Assert.Equal(1, s.Value));
        Assert.All(connector.Deliveries, d => Assert.Contains("調査票の回答のお願い", d.Activity.ToJsonString(Json.Readable), StringComparison.Ordinal));
        var runs = await after.Services.GetRequiredService<ScheduleStore>().ListRunsAsync(CancellationToken.None);
        Assert.Equal([Jst(17, 9)], runs.Where(r => r.Kind == nameof(ScheduleKind.Reminders)).Select(r => r.Slot));
    }

    /// <summary>Every run of the kind the instance's store knows is done.</summary>
    private static bool RunDone(BotHost host, ScheduleKind kind) =>
        host.Services.GetRequiredService<ScheduleStore>().ListRunsAsync(CancellationToken.None).Result
            .Where(r => r.Kind == kind.ToString()).ToList() is { Count: > 0 } runs && runs.All(r => r.Status == ScheduledRunEntity.Done);
}
