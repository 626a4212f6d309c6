using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Consolidation.Bot.Protocol.Tests.Auth;

/// <summary>Bot Framework tokens: signature, lifetime, audience, service URL, endorsements and the Authorization header.</summary>
public sealed class BotTokenValidatorTests(OpenIdMetadataServer server) : BotTokenValidatorTestBase(server)
{
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
}
