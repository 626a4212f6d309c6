using Microsoft.Extensions.Hosting;
using Consolidation.Bot.Protocol.Auth;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Consolidation.Bot.Protocol.Tests.Auth;

/// <summary>Entra-issued tokens (the configured tenant only), development mode and unreachable metadata.</summary>
public sealed class EntraTokenValidatorTests(OpenIdMetadataServer server) : BotTokenValidatorTestBase(server)
{
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
}
