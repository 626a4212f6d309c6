using Consolidation.Bot.Protocol.Auth;
using Consolidation.Bot.Protocol.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Consolidation.Bot.Protocol.Tests.Auth;

/// <summary>One validator per test against the loopback OpenID metadata server, and the assertions both validator test classes share.</summary>
public abstract class BotTokenValidatorTestBase(OpenIdMetadataServer server) : IClassFixture<OpenIdMetadataServer>, IDisposable
{
    private protected readonly OpenIdMetadataCache _metadata = new();

    private protected TestKeys Keys => server.Keys;

    public void Dispose()
    {
        _metadata.Dispose();
        GC.SuppressFinalize(this);
    }

    private protected static string Bearer(string token) => "Bearer " + token;

    private protected static Activity TeamsActivity() => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        ServiceUrl = TestTokens.ServiceUrl,
        Conversation = new ConversationAccount { Id = "a:1" },
        From = new ChannelAccount { Id = "29:1" },
    };

    private protected BotAuthenticationOptions Options(string? appId, string? tenantId) => new()
    {
        AppId = appId,
        TenantId = tenantId,
        OpenIdMetadataUrl = server.BotFrameworkMetadataUrl,
        EntraOpenIdMetadataUrl = server.EntraMetadataUrlTemplate,
    };

    private protected BotTokenValidator CreateValidator(
        string? appId = TestTokens.AppId, string? tenantId = null, TimeProvider? time = null, string environment = "Development")
    {
        var options = Options(appId, tenantId);
        return new(Microsoft.Extensions.Options.Options.Create(options), _metadata,
            time ?? new FakeTimeProvider(TestTokens.Now), NullLogger<BotTokenValidator>.Instance, Mode(options, environment));
    }

    internal static DevelopmentMode Mode(BotAuthenticationOptions options, string environment) =>
        new(Microsoft.Extensions.Options.Options.Create(options), new TestEnvironment(environment));

    private protected Task<BotAuthenticationResult> AuthenticateAsync(string? header, string? tenantId = null) =>
        CreateValidator(tenantId: tenantId).AuthenticateAsync(header, TeamsActivity(), default);

    private protected async Task AssertRejectedAsync(string? header, int status, string? reasonContains, string? tenantId = null)
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
