using System.Net;
using Consolidation.Bot.Protocol.Connector;

namespace Consolidation.Bot.Protocol.Tests.Connector;

public sealed class ConnectorRetryTests
{
    [Fact]
    public async Task SendAsync_429WithRetryAfterTwiceThen201_WaitsRetryAfterEachTimeAndSucceeds()
    {
        await using var server = await FakeConnectorServer.StartAsync(request => request.Index < 2
            ? new FakeResponse(429, """{"error":{"code":"Throttled","message":"Too many requests"}}""", RetryAfter: "1")
            : FakeResponse.Json(201, """{"id":"ok"}"""));
        await using var provider = ConnectorTestHost.Build();

        var result = await provider.Client().SendAsync(ConnectorClientTests.Address(server), ConnectorClientTests.Message("x"), CancellationToken.None);

        Assert.Equal("ok", result.Id);
        var requests = server.Requests;
        Assert.Equal(3, requests.Count);
        // Retry-After: 1 must be honoured (the backoff alone would wait ~10-20 ms). Allow for timer granularity.
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(950), $"first wait {requests[1].ReceivedAt - requests[0].ReceivedAt}");
        Assert.True(requests[2].ReceivedAt - requests[1].ReceivedAt >= TimeSpan.FromMilliseconds(950), $"second wait {requests[2].ReceivedAt - requests[1].ReceivedAt}");
    }

    [Theory]
    [InlineData(503)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(412)]
    [InlineData(429)]
    public async Task SendAsync_RetryableStatusThenSuccess_RetriesOnce(int status)
    {
        await using var server = await FakeConnectorServer.StartAsync(request => request.Index == 0
            ? new FakeResponse(status)
            : FakeResponse.Json(201, """{"id":"ok"}"""));
        await using var provider = ConnectorTestHost.Build();

        var result = await provider.Client().SendAsync(ConnectorClientTests.Address(server), ConnectorClientTests.Message("x"), CancellationToken.None);

        Assert.Equal("ok", result.Id);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(server.Requests[0].Body, server.Requests[1].Body);
    }

    [Theory]
    [InlineData(400, "BadArgument")]
    [InlineData(403, "BotNotInConversationRoster")]
    [InlineData(404, "ConversationNotFound")]
    [InlineData(413, "MessageSizeTooBig")]
    [InlineData(500, "InternalServerError")]
    public async Task SendAsync_NonRetryableStatus_ThrowsConnectorExceptionWithoutRetry(int status, string code)
    {
        await using var server = await FakeConnectorServer.StartAsync(_ =>
            FakeResponse.Json(status, $$$"""{"error":{"code":"{{{code}}}","message":"The bot is not part of the conversation roster."}}"""));
        await using var provider = ConnectorTestHost.Build();

        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            provider.Client().SendAsync(ConnectorClientTests.Address(server), ConnectorClientTests.Message("x"), CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(code, ex.ErrorCode);
        Assert.Contains("conversation roster", ex.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task SendAsync_ForbiddenWithoutJsonBody_ThrowsWithNullErrorCode()
    {
        await using var server = await FakeConnectorServer.StartAsync(_ => new FakeResponse(403, "<html>denied</html>"));
        await using var provider = ConnectorTestHost.Build();

        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            provider.Client().SendAsync(ConnectorClientTests.Address(server), ConnectorClientTests.Message("x"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Null(ex.ErrorCode);
        Assert.True(ex.IsUnreachable);
    }

    [Fact]
    public async Task SendAsync_RetriesExhausted_ThrowsConnectorExceptionAfterExactAttempts()
    {
        await using var server = await FakeConnectorServer.StartAsync(_ =>
            FakeResponse.Json(503, """{"error":{"code":"ServiceUnavailable","message":"busy"}}"""));
        await using var provider = ConnectorTestHost.Build(o => o.MaxRetryAttempts = 3);

        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            provider.Client().SendAsync(ConnectorClientTests.Address(server), ConnectorClientTests.Message("x"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal("ServiceUnavailable", ex.ErrorCode);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task GetTeamChannelsAsync_ConnectionDroppedThenSuccess_Retries()
    {
        await using var server = await FakeConnectorServer.StartAsync(request => request.Index == 0
            ? new FakeResponse(200, Abort: true)
            : FakeResponse.Json(200, """{"conversations":[{"id":"19:a"}]}"""));
        await using var provider = ConnectorTestHost.Build();

        var channels = await provider.Client().GetTeamChannelsAsync(server.BaseUrl, "19:a", CancellationToken.None);

        Assert.Single(channels);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GetTeamChannelsAsync_AttemptTimesOut_RetriesAndSucceeds()
    {
        await using var server = await FakeConnectorServer.StartAsync(request => request.Index == 0
            ? new FakeResponse(200, """{"conversations":[]}""", Delay: TimeSpan.FromSeconds(5))
            : FakeResponse.Json(200, """{"conversations":[{"id":"19:a"}]}"""));
        await using var provider = ConnectorTestHost.Build(o => o.AttemptTimeout = TimeSpan.FromSeconds(1));

        var channels = await provider.Client().GetTeamChannelsAsync(server.BaseUrl, "19:a", CancellationToken.None);

        Assert.Single(channels);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_ServerUnreachable_ThrowsConnectorExceptionAfterRetries()
    {
        string deadUrl;
        await using (var server = await FakeConnectorServer.StartAsync(_ => new FakeResponse(200)))
        {
            deadUrl = server.BaseUrl;
        }

        await using var provider = ConnectorTestHost.Build(o => o.MaxRetryAttempts = 1);
        var address = new ConversationAddress(deadUrl, "a:1", "t");

        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            provider.Client().SendAsync(address, ConnectorClientTests.Message("x"), CancellationToken.None));

        Assert.IsType<HttpRequestException>(ex.InnerException);
    }
}
