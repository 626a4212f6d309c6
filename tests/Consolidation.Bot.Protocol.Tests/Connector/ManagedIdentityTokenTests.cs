using Azure.Core;
using Consolidation.Bot.Protocol.Auth;
using Consolidation.Bot.Protocol.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Consolidation.Bot.Protocol.Tests.Connector;

/// <summary>Bot:Credential=UserAssignedMsi: the connector token from a TokenCredential, validated at start-up.</summary>
public sealed class ManagedIdentityTokenTests
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";

    [Fact]
    public async Task GetToken_AsksForTheBotFrameworkScope_AndKeepsTheTokenUntilFiveMinutesBeforeExpiry()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var credential = new CountingCredential(time);
        using var provider = new TokenCredentialBotTokenProvider(credential, time, NullLogger<TokenCredentialBotTokenProvider>.Instance);

        var first = await provider.GetTokenAsync(default);
        time.Advance(TimeSpan.FromMinutes(50));
        var cached = await provider.GetTokenAsync(default);
        time.Advance(TimeSpan.FromMinutes(6));
        var renewed = await provider.GetTokenAsync(default);

        Assert.Equal(["https://api.botframework.com/.default"], credential.Scopes.Distinct());
        Assert.Equal("token-1", first);
        Assert.Equal("token-1", cached);
        Assert.Equal("token-2", renewed);
    }

    [Fact]
    public void AddBotConnector_UserAssignedMsi_UsesTheCredentialProvider()
    {
        using var provider = ConnectorTestHost.Build(auth: o =>
        {
            o.AppId = AppId;
            o.Credential = BotCredentialKind.UserAssignedMsi;
            o.TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
        });

        Assert.IsType<TokenCredentialBotTokenProvider>(provider.GetRequiredService<IBotTokenProvider>());
    }

    [Theory]
    [InlineData(BotCredentialKind.UserAssignedMsi, null, null, "Bot:TenantId is required")]
    [InlineData(BotCredentialKind.UserAssignedMsi, "72f988bf-86f1-41af-91ab-2d7cd011db47", "a-secret", "Bot:AppPassword must be empty")]
    [InlineData(BotCredentialKind.ClientSecret, null, null, "Bot:AppPassword is required")]
    public void Validate_IncompleteCredential_FailsNamingTheSetting(BotCredentialKind kind, string? tenant, string? password, string expected)
    {
        using var provider = ConnectorTestHost.Build(auth: o =>
        {
            o.AppId = AppId;
            o.Credential = kind;
            o.TenantId = tenant;
            o.AppPassword = password;
        });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value);

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    private sealed class CountingCredential(TimeProvider time) : TokenCredential
    {
        private int _count;

        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return ValueTask.FromResult(new AccessToken("token-" + ++_count, time.GetUtcNow().AddHours(1)));
        }
    }
}
