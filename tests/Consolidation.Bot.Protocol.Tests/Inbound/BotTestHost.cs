using System.Net.Http.Headers;
using System.Text;
using Consolidation.Bot.Protocol.Inbound;
using Consolidation.Bot.Protocol.Tests.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Consolidation.Bot.Protocol.Tests.Inbound;

/// <summary>
/// A real minimal host (Kestrel on 127.0.0.1, random port) with AddBotInbound + MapBotMessages, in the Development
/// environment unless told otherwise. Every request comes from loopback; a test that needs another remote address
/// names it in <see cref="RemoteAddressHeader"/> (a seam of this test host only: the bot reads no such header).
/// </summary>
internal sealed class BotTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotTestHost(WebApplication app, RecordingActivityProcessor processor, FakeTimeProvider time)
    {
        _app = app;
        Processor = processor;
        Time = time;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    public HttpClient Client { get; }

    public RecordingActivityProcessor Processor { get; }

    public FakeTimeProvider Time { get; }

    /// <param name="settings">Configuration keys such as <c>Bot:AppId</c>; no AppId = development mode.</param>
    /// <param name="environment">The host environment (Development by default: no AppId is development mode only there).</param>
    /// <param name="withoutStartupGuard">Leaves out the start-up guard, to reach the request-time check of a host the guard would stop.</param>
    public static async Task<BotTestHost> StartAsync(
        IDictionary<string, string?>? settings = null, string environment = "Development", bool withoutStartupGuard = false)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var time = new FakeTimeProvider(TestTokens.Now);
        var processor = new RecordingActivityProcessor();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IActivityProcessor>(processor);
        builder.Services.AddBotInbound();
        if (withoutStartupGuard)
        {
            builder.Services.Remove(builder.Services.Single(d => d.ImplementationType == typeof(DevelopmentModeGuard)));
        }

        var app = builder.Build();
        app.Use((context, next) =>
        {
            if (context.Request.Headers.TryGetValue(RemoteAddressHeader, out var address))
            {
                context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address.ToString());
            }

            return next(context);
        });
        app.MapBotMessages();
        await app.StartAsync();
        return new BotTestHost(app, processor, time);
    }

    /// <summary>Settings of a production-mode host validating tokens against <paramref name="server"/>.</summary>
    public static Dictionary<string, string?> AuthSettings(OpenIdMetadataServer server) => new()
    {
        ["Bot:AppId"] = TestTokens.AppId,
        ["Bot:OpenIdMetadataUrl"] = server.BotFrameworkMetadataUrl,
        ["Bot:EntraOpenIdMetadataUrl"] = server.EntraMetadataUrlTemplate,
    };

    public Task<HttpResponseMessage> PostAsync(string body, string? authorization = null, string contentType = "application/json", string? remoteAddress = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, BotMessagesEndpoint.DefaultPattern)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (remoteAddress is not null)
        {
            request.Headers.Add(RemoteAddressHeader, remoteAddress);
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
