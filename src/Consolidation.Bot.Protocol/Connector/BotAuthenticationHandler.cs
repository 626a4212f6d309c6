using System.Net.Http.Headers;

namespace Consolidation.Bot.Protocol.Connector;

/// <summary>Adds <c>Authorization: Bearer</c> to each connector attempt when the token provider has a token.</summary>
public sealed class BotAuthenticationHandler : DelegatingHandler
{
    private readonly IBotTokenProvider _tokenProvider;

    public BotAuthenticationHandler(IBotTokenProvider tokenProvider) => _tokenProvider = tokenProvider;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await _tokenProvider.GetTokenAsync(cancellationToken);
        request.Headers.Authorization = string.IsNullOrEmpty(token) ? null : new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }
}
