using Consolidation.Bot.Protocol.Connector;

namespace Consolidation.Bot.Protocol.Tests.Connector;

public sealed class ConnectorThrottlingLoopbackTests
{
    /// <summary>
    /// Cold start on purpose (new connections, JIT, other tests running in parallel): the limiter counts each send
    /// until its response, so even a slow first burst cannot be squeezed together on the server side.
    /// </summary>
    [Fact]
    public async Task SendAsync_30ConcurrentToOneConversation_ServerNeverSeesMoreThanTeamsLimits()
    {
        await using var server = await FakeConnectorServer.StartAsync(r => FakeResponse.Json(201, $$"""{"id":"{{r.Index}}"}"""));
        await using var provider = ConnectorTestHost.Build(o => o.RateLimitSafetyMargin = TimeSpan.FromMilliseconds(50));
        var client = provider.Client();
        var address = new ConversationAddress(server.BaseUrl, "19:abc@thread.tacv2", "tenant-1");

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            client.SendAsync(address, ConnectorClientTests.Message($"m{i}"), CancellationToken.None)));

        Assert.Equal(30, results.Select(r => r.Id).Distinct().Count());
        var received = server.Requests.Select(r => r.ReceivedAt).Order().ToList();
        Assert.Equal(30, received.Count);
        var perSecond = ConnectorRateLimiterTests.MaxInAnyWindow(received, TimeSpan.FromSeconds(1));
        var perTwoSeconds = ConnectorRateLimiterTests.MaxInAnyWindow(received, TimeSpan.FromSeconds(2));
        var timeline = string.Join(", ", received.Select(t => t.TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(perSecond <= 7, $"{perSecond} requests in one second: {timeline}");
        Assert.True(perTwoSeconds <= 8, $"{perTwoSeconds} requests in two seconds");
        Assert.True(perSecond >= 6, $"limiter needlessly slow: only {perSecond} in one second");
    }
}
