using System.Net.Http.Headers;

namespace Consolidation.Bot.Protocol.Connector;

/// <summary>
/// Adds <c>Authorization: Bearer</c> to each connector attempt when the token provider has a token, and only for a
/// service URL the <see cref="ServiceUrlPolicy"/> allows (the client checks before sending; this is the last line).
/// </summary>
public sealed class BotAuthenticationHandler : DelegatingHandler
{
    private readonly IBotTokenProvider _tokenProvider;
    private readonly ServiceUrlPolicy _serviceUrls;

    public BotAuthenticationHandler(IBotTokenProvider tokenProvider, ServiceUrlPolicy serviceUrls)
    {
        _tokenProvider = tokenProvider;
        _serviceUrls = serviceUrls;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_serviceUrls.Allows(request.RequestUri))
        {
            throw ConnectorException.ServiceUrlNotAllowed(request.Method.Method, request.RequestUri?.Host ?? "");
        }

        var token = await _tokenProvider.GetTokenAsync(cancellationToken);
        request.Headers.Authorization = string.IsNullOrEmpty(token) ? null : new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }
}
