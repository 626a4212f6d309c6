using Consolidation.Bot.Protocol.Auth;
using Consolidation.Bot.Protocol.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Protocol.Tests.Connector;

public sealed class BotAuthenticationTests
{
    [Fact]
    public async Task SendAsync_DevelopmentMode_SendsNoAuthorizationHeader()
    {
        await using var server = await FakeConnectorServer.StartAsync(_ => new FakeResponse(201));
        await using var provider = ConnectorTestHost.Build();

        await provider.Client().SendAsync(ConnectorClientTests.Address(server), ConnectorClientTests.Message("x"), CancellationToken.None);

        Assert.IsType<NoBotTokenProvider>(provider.GetRequiredService<IBotTokenProvider>());
        Assert.Null(Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task SendAsync_TokenProvider_SendsBearerTokenOnEveryAttempt()
    {
        await using var server = await FakeConnectorServer.StartAsync(r => new FakeResponse(r.Index == 0 ? 503 : 201));
        var tokens = new FakeTokenProvider("token-abc");
        await using var provider = ConnectorTestHost.Build(tokenProvider: tokens);

        await provider.Client().SendAsync(ConnectorClientTests.Address(server), ConnectorClientTests.Message("x"), CancellationToken.None);

        Assert.All(server.Requests, r => Assert.Equal("Bearer token-abc", r.Authorization));
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(2, tokens.Calls);
    }

    [Fact]
    public async Task SendAsync_ServiceUrlNotAllowed_SendsNothingAndFetchesNoToken()
    {
        // A loopback listener standing in for an attacker's serviceUrl: with an app id (not development mode) plain http
        // to loopback is not a Bot Connector URL, so the token must not go there, nor anything else.
        await using var server = await FakeConnectorServer.StartAsync(_ => new FakeResponse(201));
        var tokens = new FakeTokenProvider("token-abc");
        await using var provider = ConnectorTestHost.Build(tokenProvider: tokens, auth: o =>
        {
            o.AppId = "11111111-2222-3333-4444-555555555555";
            o.AppPassword = "not-used";
        });

        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            provider.Client().SendAsync(ConnectorClientTests.Address(server), ConnectorClientTests.Message("x"), CancellationToken.None));

        Assert.True(ex.IsServiceUrlRefused);
        Assert.True(ex.IsUnreachable);
        Assert.Empty(server.Requests);
        Assert.Equal(0, tokens.Calls);
    }

    [Fact]
    public async Task BotAuthenticationHandler_HostNotAllowed_ThrowsAndFetchesNoToken()
    {
        var tokens = new FakeTokenProvider("t1");
        var (invoker, inner) = CreateInvoker(tokens);

        await Assert.ThrowsAsync<ConnectorException>(() =>
            invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://evil.example.com/v3/x"), CancellationToken.None));

        Assert.Equal(0, tokens.Calls);
        Assert.Null(inner.Authorization);
    }

    [Fact]
    public void AddBotConnector_AppIdWithoutPassword_FailsValidationNamingTheSetting()
    {
        using var provider = ConnectorTestHost.Build(auth: o => o.AppId = "11111111-2222-3333-4444-555555555555");

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value);

        Assert.Contains("Bot:AppPassword", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotAuthenticationHandler_Token_SetsBearerHeader()
    {
        var (invoker, inner) = CreateInvoker(new FakeTokenProvider("t1"));

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://smba.trafficmanager.net/v3/x"), CancellationToken.None);

        Assert.Equal("Bearer", inner.Authorization?.Scheme);
        Assert.Equal("t1", inner.Authorization?.Parameter);
    }

    [Fact]
    public async Task BotAuthenticationHandler_NoToken_RemovesAuthorizationHeader()
    {
        var (invoker, inner) = CreateInvoker(new FakeTokenProvider(null));
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://smba.trafficmanager.net/v3/x");
        request.Headers.Authorization = new("Bearer", "stale");

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Null(inner.Authorization);
    }

    [Fact]
    public void AddBotConnector_AppIdSet_UsesMsalProviderWithTenantAuthority()
    {
        using var provider = ConnectorTestHost.Build(auth: o =>
        {
            o.AppId = "00000000-0000-0000-0000-000000000001";
            o.AppPassword = "secret";
            o.TenantId = "contoso-tenant";
        });

        var tokens = Assert.IsType<MsalBotTokenProvider>(provider.GetRequiredService<IBotTokenProvider>());

        Assert.Equal("https://login.microsoftonline.com/contoso-tenant", tokens.Authority);
    }

    [Theory]
    [InlineData(null, "https://login.microsoftonline.com/botframework.com")]
    [InlineData("", "https://login.microsoftonline.com/botframework.com")]
    [InlineData("t-1", "https://login.microsoftonline.com/t-1")]
    public void AuthorityFor_TenantId_UsesTenantOrBotFramework(string? tenantId, string expected) =>
        Assert.Equal(expected, MsalBotTokenProvider.AuthorityFor(tenantId));

    [Fact]
    public void MsalBotTokenProvider_MissingPassword_Throws()
    {
        var options = Options.Create(new BotAuthenticationOptions { AppId = "00000000-0000-0000-0000-000000000001" });

        Assert.Throws<InvalidOperationException>(() => new MsalBotTokenProvider(options, NullLogger<MsalBotTokenProvider>.Instance));
    }

    [Fact]
    public void AddBotConnector_RetryAttemptsOutOfRange_FailsValidation()
    {
        using var provider = ConnectorTestHost.Build(o => o.MaxRetryAttempts = 100);

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ConnectorOptions>>().Value);

        Assert.Contains(ex.Failures, f => f.Contains(nameof(ConnectorOptions.MaxRetryAttempts), StringComparison.Ordinal));
    }

    [Fact]
    public void AddBotConnector_InvalidWindowLimit_FailsValidation()
    {
        using var provider = ConnectorTestHost.Build(o => o.ConversationPerSecond.PermitLimit = 0);

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ConnectorOptions>>().Value);

        Assert.Contains(ex.Failures, f => f.Contains(nameof(ConnectorOptions.ConversationPerSecond), StringComparison.Ordinal));
    }

    [Fact]
    public void AddBotConnector_DefaultOptions_AreValid()
    {
        using var provider = ConnectorTestHost.Build();

        var options = provider.GetRequiredService<IOptions<ConnectorOptions>>().Value;

        Assert.Equal(6, options.MaxRetryAttempts);
        Assert.Equal(7, options.ConversationPerSecond.PermitLimit);
        Assert.Equal(50, options.TenantPerSecond.PermitLimit);
    }

    private static (HttpMessageInvoker Invoker, CapturingHandler Inner) CreateInvoker(IBotTokenProvider tokens)
    {
        var inner = new CapturingHandler();
        var options = Microsoft.Extensions.Options.Options.Create(new BotAuthenticationOptions { AppId = "app", AppPassword = "x" });
        var policy = new ServiceUrlPolicy(options, new DevelopmentMode(options));
        var handler = new BotAuthenticationHandler(tokens, policy) { InnerHandler = inner };
        return (new HttpMessageInvoker(handler), inner);
    }

    private sealed class FakeTokenProvider(string? token) : IBotTokenProvider
    {
        private int _calls;

        public int Calls => _calls;

        public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return ValueTask.FromResult(token);
        }
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public System.Net.Http.Headers.AuthenticationHeaderValue? Authorization { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.Authorization;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        }
    }
}
