using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Consolidation.Bot.Protocol.Tests.Connector;

/// <summary>What the fake connector received, with the server-side receive time.</summary>
internal sealed record RecordedRequest(
    int Index, string Method, string RawTarget, string? Authorization, string? ContentType, string Body, TimeSpan ReceivedAt);

/// <summary>What the fake connector answers. <see cref="Abort"/> drops the connection instead.</summary>
internal sealed record FakeResponse(int Status, string? Body = null, string? RetryAfter = null, TimeSpan Delay = default, bool Abort = false)
{
    public static FakeResponse Json(int status, string body) => new(status, body);
}

/// <summary>A real Kestrel server on 127.0.0.1 with a random port, scripted per request.</summary>
internal sealed class FakeConnectorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Func<RecordedRequest, FakeResponse> _respond;
    private int _count;

    private FakeConnectorServer(Func<RecordedRequest, FakeResponse> respond)
    {
        _respond = respond;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>Base address, ending with a slash.</summary>
    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests.OrderBy(r => r.Index)];

    public static async Task<FakeConnectorServer> StartAsync(Func<RecordedRequest, FakeResponse> respond)
    {
        var server = new FakeConnectorServer(respond);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.BaseUrl = address.TrimEnd('/') + "/";
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var receivedAt = _clock.Elapsed;
        var index = Interlocked.Increment(ref _count) - 1;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var recorded = new RecordedRequest(
            index,
            context.Request.Method,
            context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            context.Request.Headers.Authorization.Count == 0 ? null : context.Request.Headers.Authorization.ToString(),
            context.Request.ContentType,
            body,
            receivedAt);
        _requests.Enqueue(recorded);

        var response = _respond(recorded);
        if (response.Delay > TimeSpan.Zero)
        {
            await Task.Delay(response.Delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        if (response.Abort)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = response.Status;
        if (response.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = response.RetryAfter;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body);
        }
    }
}
