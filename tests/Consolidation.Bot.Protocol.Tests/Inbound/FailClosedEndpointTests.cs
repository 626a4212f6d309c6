using System.Net;
using Consolidation.Bot.Protocol.Tests.Auth;

namespace Consolidation.Bot.Protocol.Tests.Inbound;

/// <summary>
/// Unsigned requests only in development mode (no AppId, Development environment, loopback); only the msteams channel
/// outside it; no tenant configured outside development mode = no tenant accepted.
/// </summary>
public sealed class FailClosedEndpointTests(OpenIdMetadataServer server) : IClassFixture<OpenIdMetadataServer>
{
    [Theory]
    [InlineData("10.0.0.8")]
    [InlineData("203.0.113.9")]
    [InlineData("2001:db8::1")]
    public async Task Post_DevelopmentModeFromAnotherMachine_Returns403AndNotProcessed(string remote)
    {
        await using var host = await BotTestHost.StartAsync();

        var response = await host.PostAsync(TestActivities.Message().ToJsonString(), remoteAddress: remote);

        var detail = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("loopback", detail, StringComparison.Ordinal);
        Assert.Empty(host.Processor.Calls);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Testing")]
    public async Task Post_NoAppIdOutsideDevelopment_Returns401AndNotProcessed(string environment)
    {
        // The web host's start-up guard refuses such a bot (DevelopmentModeGuardTests); this minimal host has the
        // guard too, so it is started before the guard would run: a request in that window is refused all the same.
        await using var host = await StartWithoutGuardAsync(environment);

        var response = await host.PostAsync(TestActivities.Message().ToJsonString());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(host.Processor.Calls);
    }

    [Theory]
    [InlineData("emulator")]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("slack")]
    public async Task Post_OtherChannelWithValidToken_Returns403(string channel)
    {
        var settings = BotTestHost.AuthSettings(server);
        settings["Bot:TenantId"] = TestTokens.TenantId;
        await using var host = await BotTestHost.StartAsync(settings, environment: "Production");
        var activity = TestActivities.Message();
        activity["channelId"] = channel;

        // An Entra-issued token (no key endorsements to stop it earlier) reaches the channel gate itself.
        var token = TestTokens.Create(server.Keys.Entra.SecurityKey, issuer: TestTokens.EntraV2Issuer(TestTokens.TenantId),
            claims: new Dictionary<string, object> { ["tid"] = TestTokens.TenantId });

        var response = await host.PostAsync(activity.ToJsonString(), "Bearer " + token);

        var detail = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("msteams", detail, StringComparison.Ordinal);
        Assert.Empty(host.Processor.Calls);
    }

    [Theory]
    [InlineData("emulator")]
    [InlineData("webchat")]
    public async Task Post_DevelopmentToolChannelInDevelopmentMode_Returns200(string channel)
    {
        await using var host = await BotTestHost.StartAsync();
        var activity = TestActivities.Message();
        activity["channelId"] = channel;

        var response = await host.PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Processor.Calls);
    }

    [Fact]
    public async Task Post_DevelopmentModeOtherChannel_Returns403()
    {
        await using var host = await BotTestHost.StartAsync();
        var activity = TestActivities.Message();
        activity["channelId"] = "slack";

        var response = await host.PostAsync(activity.ToJsonString());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Empty(host.Processor.Calls);
    }

    [Fact]
    public async Task Post_AppIdButNoTenantConfigured_EveryTenantRefusedWith403()
    {
        await using var host = await BotTestHost.StartAsync(BotTestHost.AuthSettings(server), environment: "Production");

        var response = await host.PostAsync(TestActivities.Message().ToJsonString(), "Bearer " + TestTokens.Create(server.Keys.BotFramework.SecurityKey));

        var detail = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("tenant", detail, StringComparison.Ordinal);
        Assert.Empty(host.Processor.Calls);
    }

    private static Task<BotTestHost> StartWithoutGuardAsync(string environment) =>
        BotTestHost.StartAsync(environment: environment, withoutStartupGuard: true);
}
