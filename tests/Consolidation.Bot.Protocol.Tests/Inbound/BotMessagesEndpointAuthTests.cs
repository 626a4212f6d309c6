using System.Net;
using Consolidation.Bot.Protocol.Tests.Auth;

namespace Consolidation.Bot.Protocol.Tests.Inbound;

/// <summary>/api/messages with an AppId configured: tokens validated against the loopback metadata server.</summary>
public sealed class BotMessagesEndpointAuthTests(OpenIdMetadataServer server)
    : IClassFixture<OpenIdMetadataServer>, IAsyncLifetime
{
    private BotTestHost _host = null!;

    private TestKeys Keys => server.Keys;

    public async Task InitializeAsync()
    {
        var settings = BotTestHost.AuthSettings(server);
        settings["Bot:TenantId"] = TestTokens.TenantId;
        _host = await BotTestHost.StartAsync(settings);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_ValidToken_Returns200AndProcessesWithTokenIdentity()
    {
        var response = await _host.PostAsync(
            TestActivities.Message().ToJsonString(), "Bearer " + TestTokens.Create(Keys.BotFramework.SecurityKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(_host.Processor.Calls);
        Assert.True(call.Identity.IsAuthenticated);
        Assert.Equal(TestTokens.BotFrameworkIssuer, call.Identity.FindFirst("iss")?.Value);
    }

    [Fact]
    public async Task Post_EntraTokenForConfiguredTenant_Returns200()
    {
        var token = TestTokens.Create(Keys.Entra.SecurityKey, issuer: TestTokens.EntraV2Issuer(TestTokens.TenantId),
            claims: new Dictionary<string, object> { ["tid"] = TestTokens.TenantId });

        var response = await _host.PostAsync(TestActivities.Message().ToJsonString(), "Bearer " + token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_MissingAuthorizationHeader_Returns401WithChallengeAndNotProcessed()
    {
        var response = await _host.PostAsync(TestActivities.Message().ToJsonString());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Empty(_host.Processor.Calls);
    }

    public static TheoryData<string, HttpStatusCode> RejectedCases() => new()
    {
        { "non-bearer", HttpStatusCode.Unauthorized },
        { "expired", HttpStatusCode.Unauthorized },
        { "not-yet-valid", HttpStatusCode.Unauthorized },
        { "wrong-issuer", HttpStatusCode.Unauthorized },
        { "wrong-audience", HttpStatusCode.Unauthorized },
        { "bad-signature", HttpStatusCode.Unauthorized },
        { "alg-none", HttpStatusCode.Unauthorized },
        { "hs256", HttpStatusCode.Unauthorized },
        { "entra-other-tenant", HttpStatusCode.Unauthorized },
        { "serviceurl-mismatch", HttpStatusCode.Forbidden },
        { "serviceurl-missing", HttpStatusCode.Forbidden },
        { "endorsement-missing", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(RejectedCases))]
    public async Task Post_RejectedToken_ReturnsStatusAndNeverProcesses(string @case, HttpStatusCode expected)
    {
        var response = await _host.PostAsync(TestActivities.Message().ToJsonString(), Header(@case));

        await ProblemAssert.IsProblemAsync(response, expected);
        Assert.Empty(_host.Processor.Calls);
    }

    private string Header(string @case) => @case switch
    {
        "non-bearer" => "Basic " + TestTokens.Create(Keys.BotFramework.SecurityKey),
        "expired" => Bearer(TestTokens.Create(Keys.BotFramework.SecurityKey,
            notBefore: TestTokens.Now.AddHours(-2), expires: TestTokens.Now.AddMinutes(-10))),
        "not-yet-valid" => Bearer(TestTokens.Create(Keys.BotFramework.SecurityKey,
            notBefore: TestTokens.Now.AddMinutes(10), expires: TestTokens.Now.AddHours(1))),
        "wrong-issuer" => Bearer(TestTokens.Create(Keys.BotFramework.SecurityKey, issuer: "https://api.botframework.example")),
        "wrong-audience" => Bearer(TestTokens.Create(Keys.BotFramework.SecurityKey, audience: "someone-else")),
        "bad-signature" => Bearer(TestTokens.Create(Keys.Impostor.SecurityKey)),
        "alg-none" => Bearer(TestTokens.Unsigned()),
        "hs256" => Bearer(TestTokens.Hs256(Keys.BotFramework.KeyId)),
        "entra-other-tenant" => Bearer(TestTokens.Create(Keys.Entra.SecurityKey,
            issuer: TestTokens.EntraV2Issuer(TestTokens.OtherTenantId),
            claims: new Dictionary<string, object> { ["tid"] = TestTokens.OtherTenantId })),
        "serviceurl-mismatch" => Bearer(TestTokens.Create(Keys.BotFramework.SecurityKey, serviceUrl: "https://evil.example/")),
        "serviceurl-missing" => Bearer(TestTokens.Create(Keys.BotFramework.SecurityKey, serviceUrl: null)),
        "endorsement-missing" => Bearer(TestTokens.Create(Keys.OtherChannelOnly.SecurityKey)),
        _ => throw new ArgumentOutOfRangeException(nameof(@case), @case, null),
    };

    private static string Bearer(string token) => "Bearer " + token;
}
