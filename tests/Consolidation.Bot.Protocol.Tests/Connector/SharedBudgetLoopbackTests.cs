using Consolidation.Bot.Protocol.Connector;

namespace Consolidation.Bot.Protocol.Tests.Connector;

/// <summary>
/// The connector pipeline with a shared budget (kept in memory here, as one instance sees it) against a loopback server:
/// what the server receives keeps the tenant's limit, and the budget is not needlessly slow.
/// </summary>
public sealed class SharedBudgetLoopbackTests
{
    [Fact]
    public async Task SendAsync_200ToDistinctConversations_ServerNeverSeesMoreThan50InASecond()
    {
        await using var server = await FakeConnectorServer.StartAsync(r => FakeResponse.Json(201, $$"""{"id":"{{r.Index}}"}"""));
        var budget = new InMemoryBudget(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(150));
        await using var provider = ConnectorTestHost.Build(budget: budget);
        var client = provider.Client();

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            client.SendAsync(new ConversationAddress(server.BaseUrl, $"a:{i}", "tenant-1"), ConnectorClientTests.Message($"m{i}"), CancellationToken.None)));

        var received = server.Requests.Select(r => r.ReceivedAt).Order().ToList();
        Assert.Equal(200, received.Count);
        Assert.True(ConnectorRateLimiterTests.MaxInAnyWindow(received, TimeSpan.FromSeconds(1)) <= 50, $"{ConnectorRateLimiterTests.MaxInAnyWindow(received, TimeSpan.FromSeconds(1))} in one second");
        var rate = (received.Count - 1) / (received[^1] - received[0]).TotalSeconds;
        // A guard against a budget that starves sends (half the limit), not a speed measure: the fanout benchmark measures
        // the rate, and this test shares two cores with the rest of the suite.
        Assert.True(rate >= 0.5 * 50, $"{rate:F1} sends a second");
    }

    [Fact]
    public async Task SendAsync_BudgetTurnedOff_TheTenantWindowIsKeptInTheProcess()
    {
        await using var server = await FakeConnectorServer.StartAsync(r => FakeResponse.Json(201, $$"""{"id":"{{r.Index}}"}"""));
        await using var provider = ConnectorTestHost.Build(budgetTurnedOff: true);
        var client = provider.Client();

        await Task.WhenAll(Enumerable.Range(0, 80).Select(i =>
            client.SendAsync(new ConversationAddress(server.BaseUrl, $"a:{i}", "tenant-1"), ConnectorClientTests.Message($"m{i}"), CancellationToken.None)));

        var received = server.Requests.Select(r => r.ReceivedAt).Order().ToList();
        Assert.Equal(80, received.Count);
        Assert.Equal(50, ConnectorRateLimiterTests.MaxInAnyWindow(received, TimeSpan.FromSeconds(1)));
    }

    /// <summary>The budget as one instance holds it, without storage.</summary>
    private sealed class InMemoryBudget(TimeSpan tolerance, TimeSpan spread) : ISharedSendBudget
    {
        private readonly SendGrantLog _log = new();
        private readonly ConnectorOptions _limits = new();

        public TimeSpan Tolerance => tolerance;

        /// <summary>As the store-backed budget does: a grant only when it can start within 100 ms, else ask again shortly.</summary>
        public async ValueTask<DateTimeOffset> ReserveAsync(string tenantId, string conversationKey, CancellationToken cancellationToken)
        {
            var conversation = SendGrantLog.ConversationHash(conversationKey);
            while (true)
            {
                lock (_log)
                {
                    var now = DateTimeOffset.UtcNow;
                    _log.Prune(now, _limits, spread);
                    var grant = _log.Grant(conversation, 1, now, _limits, spread, now);
                    if (grant <= now + TimeSpan.FromMilliseconds(100))
                    {
                        return grant;
                    }

                    _log.Release(1, conversation, grant);
                }

                await Task.Delay(5, cancellationToken);
            }
        }

        public void Settle(string tenantId, string conversationKey, DateTimeOffset grant, DateTimeOffset completedAt)
        {
            lock (_log)
            {
                _log.Settle(1, SendGrantLog.ConversationHash(conversationKey), grant, completedAt);
            }
        }

        public void Release(string tenantId, string conversationKey, DateTimeOffset grant)
        {
            lock (_log)
            {
                _log.Release(1, SendGrantLog.ConversationHash(conversationKey), grant);
            }
        }
    }
}
