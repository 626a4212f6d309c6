using Microsoft.Extensions.Hosting;
using Consolidation.Bot.Protocol.Auth;
using Consolidation.Bot.Protocol.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Consolidation.Bot.Protocol.Tests.Auth;

public sealed class BotTokenValidatorTests(OpenIdMetadataServer server) : IClassFixture<OpenIdMetadataServer>, IDisposable
{
    private readonly OpenIdMetadataCache _metadata = new();

    private TestKeys Keys => server.Keys;

    public void Dispose() => _metadata.Dispose();

    [Fact]
    public async Task AuthenticateAsync_ValidBotFrameworkToken_Succeeds()
    {
        var result = await AuthenticateAsync(Bearer(TestTokens.Create(Keys.BotFramework.SecurityKey)));

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(TestTokens.ServiceUrl, result.ClaimsIdentity.FindFirst("serviceurl")?.Value);
    }

    [Theory]
    [InlineData("api://" + TestTokens.AppId)]
    [InlineData("api://botid-" + TestTokens.AppId)]
    public async Task AuthenticateAsync_ApiAudienceForms_Succeeds(string audience)
    {
        var result = await AuthenticateAsync(Bearer(TestTokens.Create(Keys.BotFramework.SecurityKey, audience: audience)));

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlDiffersOnlyInCase_Succeeds()
    {
        var token = TestTokens.Create(Keys.BotFramework.SecurityKey, serviceUrl: TestTokens.ServiceUrl.ToUpperInvariant());

        var result = await AuthenticateAsync(Bearer(token));

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredToken_Returns401()
    {
        var token = TestTokens.Create(Keys.BotFramework.SecurityKey,
            notBefore: TestTokens.Now.AddHours(-2), expires: TestTokens.Now.AddMinutes(-6));

        await AssertRejectedAsync(Bearer(token), 401, "expired");
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredWithinClockSkew_Succeeds()
    {
        var token = TestTokens.Create(Keys.BotFramework.SecurityKey,
            notBefore: TestTokens.Now.AddHours(-1), expires: TestTokens.Now.AddMinutes(-4));

        var result = await AuthenticateAsync(Bearer(token));

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_NotYetValidToken_Returns401()
    {
        var token = TestTokens.Create(Keys.BotFramework.SecurityKey,
            notBefore: TestTokens.Now.AddMinutes(6), expires: TestTokens.Now.AddHours(1));

        await AssertRejectedAsync(Bearer(token), 401, "not yet valid");
    }

    [Fact]
    public async Task AuthenticateAsync_NotBeforeWithinClockSkew_Succeeds()
    {
        var token = TestTokens.Create(Keys.BotFramework.SecurityKey,
            notBefore: TestTokens.Now.AddMinutes(4), expires: TestTokens.Now.AddHours(1));

        var result = await AuthenticateAsync(Bearer(token));

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_ClockMovesPastExpiry_Returns401()
    {
        var time = new FakeTimeProvider(TestTokens.Now);
        var validator = CreateValidator(time: time);
        var header = Bearer(TestTokens.Create(Keys.BotFramework.SecurityKey, expires: TestTokens.Now.AddMinutes(10)));
        Assert.True((await validator.AuthenticateAsync(header, TeamsActivity(), default)).Succeeded);

        time.Advance(TimeSpan.FromMinutes(16));
        var result = await validator.AuthenticateAsync(header, TeamsActivity(), default);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongIssuer_Returns401()
    {
        var token = TestTokens.Create(Keys.BotFramework.SecurityKey, issuer: "https://evil.example.com");

        await AssertRejectedAsync(Bearer(token), 401, "issuer");
    }

    [Fact]
    public async Task AuthenticateAsync_WrongAudience_Returns401()
    {
        var token = TestTokens.Create(Keys.BotFramework.SecurityKey, audience: "99999999-2222-3333-4444-555555555555");

        await AssertRejectedAsync(Bearer(token), 401, "audience");
    }

    [Fact]
    public async Task AuthenticateAsync_SignedByOtherKeyWithSameKid_Returns401()
    {
        var token = TestTokens.Create(Keys.Impostor.SecurityKey);

        await AssertRejectedAsync(Bearer(token), 401, "signature");
    }

    [Fact]
    public async Task AuthenticateAsync_UnpublishedKeyId_Returns401()
    {
        using var unpublished = new TestKey("rotated-key-not-yet-published", "msteams");
        var token = TestTokens.Create(unpublished.SecurityKey);

        await AssertRejectedAsync(Bearer(token), 401, null);
    }

    [Fact]
    public async Task AuthenticateAsync_AlgNone_Returns401()
    {
        await AssertRejectedAsync(Bearer(TestTokens.Unsigned()), 401, "algorithm");
    }

    [Fact]
    public async Task AuthenticateAsync_Hs256_Returns401()
    {
        await AssertRejectedAsync(Bearer(TestTokens.Hs256(Keys.BotFramework.KeyId)), 401, "algorithm");
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlMismatch_Returns403()
    {
        var token = TestTokens.Create(Keys.BotFramework.SecurityKey, serviceUrl: "https://evil.example.com/");

        await AssertRejectedAsync(Bearer(token), 403, "serviceurl");
    }

    [Fact]
    public async Task AuthenticateAsync_MissingServiceUrlClaim_Returns403()
    {
        var token = TestTokens.Create(Keys.BotFramework.SecurityKey, serviceUrl: null);

        await AssertRejectedAsync(Bearer(token), 403, "serviceurl");
    }

    [Fact]
    public async Task AuthenticateAsync_KeyEndorsedForOtherChannelOnly_Returns403()
    {
        var token = TestTokens.Create(Keys.OtherChannelOnly.SecurityKey);

        await AssertRejectedAsync(Bearer(token), 403, "endorsed");
    }

    [Fact]
    public async Task AuthenticateAsync_BotFrameworkKeyWithoutEndorsements_Returns403()
    {
        // BotBuilder accepts an unendorsed key only for the Emulator and skills; for msteams it must list the channel.
        var token = TestTokens.Create(Keys.Unendorsed.SecurityKey);

        await AssertRejectedAsync(Bearer(token), 403, "endorsed");
    }

    [Fact]
    public async Task AuthenticateAsync_NoAppIdOutsideDevelopment_Returns401WithoutLookingAtTheToken()
    {
        var validator = CreateValidator(appId: "", environment: Environments.Production);

        var result = await validator.AuthenticateAsync(null, TeamsActivity(), default);

        Assert.False(result.Succeeded);
        Assert.Equal(401, result.StatusCode);
        Assert.Contains("no app id", result.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AuthenticateAsync_MissingAuthorizationHeader_Returns401()
    {
        await AssertRejectedAsync(null, 401, "Authorization header");
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-jwt")]
    public async Task AuthenticateAsync_NonBearerOrMalformedHeader_Returns401(string header)
    {
        await AssertRejectedAsync(header, 401, null);
    }

    [Fact]
    public async Task AuthenticateAsync_NonBearerSchemeWithValidToken_Returns401()
    {
        var header = "Token " + TestTokens.Create(Keys.BotFramework.SecurityKey);

        await AssertRejectedAsync(header, 401, "Bearer");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AuthenticateAsync_EntraIssuerForConfiguredTenant_Succeeds(bool v2)
    {
        var issuer = v2 ? TestTokens.EntraV2Issuer(TestTokens.TenantId) : TestTokens.EntraV1Issuer(TestTokens.TenantId);
        var token = TestTokens.Create(Keys.Entra.SecurityKey, issuer: issuer,
            claims: new Dictionary<string, object> { ["tid"] = TestTokens.TenantId });

        var result = await AuthenticateAsync(Bearer(token), tenantId: TestTokens.TenantId);

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_EntraIssuerForOtherTenant_Returns401()
    {
        var token = TestTokens.Create(Keys.Entra.SecurityKey, issuer: TestTokens.EntraV2Issuer(TestTokens.OtherTenantId),
            claims: new Dictionary<string, object> { ["tid"] = TestTokens.OtherTenantId });

        await AssertRejectedAsync(Bearer(token), 401, "issuer", tenantId: TestTokens.TenantId);
    }

    [Fact]
    public async Task AuthenticateAsync_EntraIssuerWithOtherTidClaim_Returns401()
    {
        var token = TestTokens.Create(Keys.Entra.SecurityKey, issuer: TestTokens.EntraV2Issuer(TestTokens.TenantId),
            claims: new Dictionary<string, object> { ["tid"] = TestTokens.OtherTenantId });

        await AssertRejectedAsync(Bearer(token), 401, "tenant", tenantId: TestTokens.TenantId);
    }

    [Fact]
    public async Task AuthenticateAsync_EntraIssuerWithoutConfiguredTenant_Returns401()
    {
        var token = TestTokens.Create(Keys.Entra.SecurityKey, issuer: TestTokens.EntraV2Issuer(TestTokens.TenantId),
            claims: new Dictionary<string, object> { ["tid"] = TestTokens.TenantId });

        await AssertRejectedAsync(Bearer(token), 401, "issuer");
    }

    [Fact]
    public async Task AuthenticateAsync_DevelopmentModeWithoutHeader_SucceedsAnonymously()
    {
        var validator = CreateValidator(appId: "");

        var result = await validator.AuthenticateAsync(null, TeamsActivity(), default);

        Assert.True(result.Succeeded);
        Assert.Equal("anonymous", result.ClaimsIdentity.AuthenticationType);
    }

    [Fact]
    public async Task AuthenticateAsync_MetadataUnreachable_Returns503()
    {
        var options = Options(TestTokens.AppId, null);
        options.OpenIdMetadataUrl = "http://127.0.0.1:1/.well-known/openidconfiguration";
        var validator = new BotTokenValidator(
            Microsoft.Extensions.Options.Options.Create(options), _metadata, new FakeTimeProvider(TestTokens.Now),
            NullLogger<BotTokenValidator>.Instance, Mode(options, Environments.Development));

        var result = await validator.AuthenticateAsync(
            Bearer(TestTokens.Create(Keys.BotFramework.SecurityKey)), TeamsActivity(), default);

        Assert.Equal(503, result.StatusCode);
    }

    private static string Bearer(string token) => "Bearer " + token;

    private static Activity TeamsActivity() => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        ServiceUrl = TestTokens.ServiceUrl,
        Conversation = new ConversationAccount { Id = "a:1" },
        From = new ChannelAccount { Id = "29:1" },
    };

    private BotAuthenticationOptions Options(string? appId, string? tenantId) => new()
    {
        AppId = appId,
        TenantId = tenantId,
        OpenIdMetadataUrl = server.BotFrameworkMetadataUrl,
        EntraOpenIdMetadataUrl = server.EntraMetadataUrlTemplate,
    };

    private BotTokenValidator CreateValidator(
        string? appId = TestTokens.AppId, string? tenantId = null, TimeProvider? time = null, string environment = "Development")
    {
        var options = Options(appId, tenantId);
        return new(Microsoft.Extensions.Options.Options.Create(options), _metadata,
            time ?? new FakeTimeProvider(TestTokens.Now), NullLogger<BotTokenValidator>.Instance, Mode(options, environment));
    }

    internal static DevelopmentMode Mode(BotAuthenticationOptions options, string environment) =>
        new(Microsoft.Extensions.Options.Options.Create(options), new TestEnvironment(environment));

    private Task<BotAuthenticationResult> AuthenticateAsync(string? header, string? tenantId = null) =>
        CreateValidator(tenantId: tenantId).AuthenticateAsync(header, TeamsActivity(), default);

    private async Task AssertRejectedAsync(string? header, int status, string? reasonContains, string? tenantId = null)
    {
        var result = await AuthenticateAsync(header, tenantId);

        Assert.False(result.Succeeded);
        Assert.Equal(status, result.StatusCode);
        Assert.Null(result.ClaimsIdentity);
        if (reasonContains is not null)
        {
            Assert.Contains(reasonContains, result.Reason, StringComparison.OrdinalIgnoreCase);
        }
    }
}
