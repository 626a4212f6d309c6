using Consolidation.Bot.Protocol.Connector;

namespace Consolidation.Bot.Protocol.Tests.Connector;

/// <summary>The grant schedule every instance shares: Teams' limits widened by the tolerance, over all holders' grants.</summary>
public sealed class SendGrantLogTests
{
    private static readonly ConnectorOptions Limits = new();
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(30);
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    /// <summary>"Now" for grants asked before any send starts.</summary>
    private static readonly DateTimeOffset Before = T0.AddTicks(-1);

    [Fact]
    public void Grant_300ToDistinctConversations_KeepsTheTenantLimitWidenedByTheTolerance_AndNoSlower()
    {
        var log = new SendGrantLog();

        var grants = Enumerable.Range(0, 300).Select(i => log.Grant(SendGrantLog.ConversationHash($"a:{i}"), 1, T0, Limits, Tolerance, Before)).Order().ToList();

        Assert.Equal(50, MaxInAnyWindow(grants, TimeSpan.FromSeconds(1) + Tolerance));
        // Not slower than the limit: 300 grants in exactly five widened windows after the first fifty.
        Assert.Equal(T0 + (5 * (TimeSpan.FromSeconds(1) + Tolerance)), grants[^1]);
    }

    [Fact]
    public void Grant_ManyToOneConversation_KeepsEachConversationLimit()
    {
        var log = new SendGrantLog();
        var conversation = SendGrantLog.ConversationHash("a:one");

        var grants = Enumerable.Range(0, 70).Select(_ => log.Grant(conversation, 1, T0, Limits, Tolerance, Before)).Order().ToList();

        Assert.Equal(7, MaxInAnyWindow(grants, TimeSpan.FromSeconds(1) + Tolerance));
        Assert.True(MaxInAnyWindow(grants, TimeSpan.FromSeconds(2) + Tolerance) <= 8);
        Assert.Equal(60, MaxInAnyWindow(grants, TimeSpan.FromSeconds(30) + Tolerance));
        Assert.Equal(T0 + TimeSpan.FromSeconds(30) + Tolerance, grants[60]);
    }

    [Fact]
    public void Grant_AConversationHeldBackDoesNotHoldBackTheTenant()
    {
        var log = new SendGrantLog();
        var busy = SendGrantLog.ConversationHash("a:busy");
        foreach (var _ in Enumerable.Range(0, 20))
        {
            log.Grant(busy, 1, T0, Limits, Tolerance, Before);
        }

        // The busy chat's later grants lie seconds ahead; another chat still goes now, between them.
        Assert.Equal(T0, log.Grant(SendGrantLog.ConversationHash("a:other"), 1, T0, Limits, Tolerance, Before));
    }

    [Fact]
    public void Grant_TwoInstancesThroughTheSavedRow_ShareOneBudget()
    {
        var first = new SendGrantLog();
        var firstGrants = Enumerable.Range(0, 30).Select(i => first.Grant(SendGrantLog.ConversationHash($"a:{i}"), 1, T0, Limits, Tolerance, Before)).ToList();

        var second = SendGrantLog.FromBytes(first.ToBytes());
        var secondGrants = Enumerable.Range(30, 30).Select(i => second.Grant(SendGrantLog.ConversationHash($"a:{i}"), 1, T0, Limits, Tolerance, Before)).ToList();

        Assert.All(firstGrants, g => Assert.Equal(T0, g));
        Assert.Equal(20, secondGrants.Count(g => g == T0));
        Assert.Equal(10, secondGrants.Count(g => g == T0 + TimeSpan.FromSeconds(1) + Tolerance));
        Assert.Equal(50, MaxInAnyWindow([.. firstGrants.Concat(secondGrants).Order()], TimeSpan.FromSeconds(1) + Tolerance));
    }

    [Fact]
    public void Settle_AnsweredSends_CountFromTheirAnswerNotFromTheirWidestArrival()
    {
        var log = new SendGrantLog();
        foreach (var i in Enumerable.Range(0, 50))
        {
            log.Grant(SendGrantLog.ConversationHash($"a:{i}"), 7, T0, Limits, Tolerance, Before);
        }

        // Every answer came 5 ms after the grant: they reached Teams by then, not as late as the tolerance allows.
        foreach (var i in Enumerable.Range(0, 50))
        {
            Assert.True(log.Settle(7, SendGrantLog.ConversationHash($"a:{i}"), T0, T0.AddMilliseconds(5)));
        }

        Assert.False(log.Settle(8, SendGrantLog.ConversationHash("a:0"), T0, T0.AddMilliseconds(5))); // another holder's: not found
        Assert.Equal(T0.AddMilliseconds(5) + TimeSpan.FromSeconds(1), log.Grant(SendGrantLog.ConversationHash("a:50"), 7, T0, Limits, Tolerance, Before));
    }

    [Fact]
    public void Grant_UnsettledSendsOfAnotherHolder_KeepTheirWidestArrival()
    {
        var log = new SendGrantLog();
        foreach (var i in Enumerable.Range(0, 50))
        {
            log.Grant(SendGrantLog.ConversationHash($"a:{i}"), 7, T0, Limits, Tolerance, Before);
        }

        Assert.Equal(T0 + Tolerance + TimeSpan.FromSeconds(1), log.Grant(SendGrantLog.ConversationHash("a:50"), 8, T0, Limits, Tolerance, Before));
    }

    [Fact]
    public void Grant_SendsStillInFlight_CountUntilSettled_HoweverLateAfterTheirGrant()
    {
        var log = new SendGrantLog();
        foreach (var i in Enumerable.Range(0, 50))
        {
            log.Grant(SendGrantLog.ConversationHash($"a:{i}"), 7, T0, Limits, Tolerance, Before);
        }

        // A second later none has its answer yet (a stalled connection): they may still reach Teams any moment; another
        // holder counts them until the slack after now, their holder (who knows they are in flight) until it settles them.
        var now = T0 + TimeSpan.FromSeconds(1);
        Assert.Equal(now + Tolerance + TimeSpan.FromSeconds(1), log.Grant(SendGrantLog.ConversationHash("a:50"), 8, now, Limits, Tolerance, now));
        Assert.Equal(T0 + SendGrantLog.InFlightLimit + TimeSpan.FromSeconds(1), log.Grant(SendGrantLog.ConversationHash("a:51"), 7, now, Limits, Tolerance, now));
    }

    [Fact]
    public void Grant_SendsOfADeadHolder_StopCountingAfterTheInFlightLimit()
    {
        var log = new SendGrantLog();
        foreach (var i in Enumerable.Range(0, 50))
        {
            log.Grant(SendGrantLog.ConversationHash($"a:{i}"), 7, T0, Limits, Tolerance, Before);
        }

        var now = T0 + SendGrantLog.InFlightLimit + TimeSpan.FromSeconds(1);
        Assert.Equal(now, log.Grant(SendGrantLog.ConversationHash("a:50"), 8, now, Limits, Tolerance, now));
    }

    [Fact]
    public void Release_AMissedGrant_GivesItsTimeBack()
    {
        var log = new SendGrantLog();
        foreach (var i in Enumerable.Range(0, 50))
        {
            log.Grant(SendGrantLog.ConversationHash($"a:{i}"), 7, T0, Limits, Tolerance, Before);
        }

        Assert.True(log.Release(7, SendGrantLog.ConversationHash("a:3"), T0));
        Assert.Equal(T0, log.Grant(SendGrantLog.ConversationHash("a:50"), 7, T0, Limits, Tolerance, Before));
    }

    [Fact]
    public void Prune_DropsOnlyGrantsOlderThanTheLongestWidenedWindow()
    {
        var log = new SendGrantLog();
        log.Grant(1, 1, T0, Limits, Tolerance, Before);
        log.Grant(2, 1, T0 + TimeSpan.FromSeconds(20), Limits, Tolerance, Before);

        log.Prune(T0 + TimeSpan.FromSeconds(30) + Tolerance + TimeSpan.FromMilliseconds(1), Limits, Tolerance);

        Assert.Equal(2u, Assert.Single(log.Entries).Conversation);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 2, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 1, 1, 0, 0, 0, 9 })]
    public void FromBytes_NothingOrAnotherFormatOrTorn_IsAnEmptyLog(byte[] bytes) =>
        Assert.Equal(0, SendGrantLog.FromBytes(bytes).Count);

    [Fact]
    public void ToBytes_RoundTripsEveryGrant()
    {
        var log = new SendGrantLog();
        log.Grant(7, 1, T0, Limits, Tolerance, Before);
        log.Grant(uint.MaxValue, 2, T0.AddMilliseconds(5), Limits, Tolerance, Before);
        log.Settle(2, uint.MaxValue, T0.AddMilliseconds(5), T0.AddMilliseconds(9));

        Assert.Equal(log.Entries, SendGrantLog.FromBytes(log.ToBytes()).Entries);
    }

    private static int MaxInAnyWindow(IReadOnlyList<DateTimeOffset> sorted, TimeSpan window) =>
        ConnectorRateLimiterTests.MaxInAnyWindow([.. sorted.Select(g => g - T0)], window);
}
