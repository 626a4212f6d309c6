using System.Net;
using System.Net.Http.Headers;
using Consolidation.Bot.Protocol.Connector;

namespace Consolidation.Bot.Protocol.Tests.Connector;

public sealed class ConnectorResilienceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    [Fact]
    public void RetryAfterDelay_DeltaSeconds_ReturnsDelta()
    {
        using var response = Response(new RetryConditionHeaderValue(TimeSpan.FromSeconds(3)));

        Assert.Equal(TimeSpan.FromSeconds(3), ConnectorResilience.RetryAfterDelay(response, Now, Cap));
    }

    [Fact]
    public void RetryAfterDelay_HttpDate_ReturnsTimeUntilDate()
    {
        using var response = Response(new RetryConditionHeaderValue(Now.AddSeconds(7)));

        Assert.Equal(TimeSpan.FromSeconds(7), ConnectorResilience.RetryAfterDelay(response, Now, Cap));
    }

    [Fact]
    public void RetryAfterDelay_DateInPast_ReturnsZero()
    {
        using var response = Response(new RetryConditionHeaderValue(Now.AddSeconds(-7)));

        Assert.Equal(TimeSpan.Zero, ConnectorResilience.RetryAfterDelay(response, Now, Cap));
    }

    [Fact]
    public void RetryAfterDelay_LongerThanCap_ReturnsCap()
    {
        using var response = Response(new RetryConditionHeaderValue(TimeSpan.FromMinutes(10)));

        Assert.Equal(Cap, ConnectorResilience.RetryAfterDelay(response, Now, Cap));
    }

    [Fact]
    public void RetryAfterDelay_NoHeader_ReturnsNullForBackoff()
    {
        using var response = Response(null);

        Assert.Null(ConnectorResilience.RetryAfterDelay(response, Now, Cap));
        Assert.Null(ConnectorResilience.RetryAfterDelay(null, Now, Cap));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.PreconditionFailed, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.InternalServerError, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    public void IsRetryableStatus_Status_MatchesTeamsGuidance(HttpStatusCode status, bool expected) =>
        Assert.Equal(expected, ConnectorResilience.IsRetryableStatus(status));

    private static HttpResponseMessage Response(RetryConditionHeaderValue? retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = retryAfter;
        return response;
    }
}
