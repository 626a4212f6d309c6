using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Consolidation.Bot.Testing;

/// <summary>An activity the fake connector accepted (a send, a reply or an update).</summary>
public sealed record ConnectorDelivery(string ConversationId, string Method, string ActivityId, JsonObject Activity, DateTimeOffset At)
{
    /// <summary>The request's <c>Authorization</c> header (the bot's connector token), if any.</summary>
    public string? Authorization { get; init; }
}

/// <summary>How the fake connector misbehaves while <see cref="FakeConnector.FailUntil"/> is in the future.</summary>
public enum ConnectorFault
{
    /// <summary>Answers 500 InternalServerError at once.</summary>
    ServerError,

    /// <summary>Holds the request without answering until the fault ends or the client gives up.</summary>
    Hang,

    /// <summary>Alternates: odd requests answer 500, even ones hang.</summary>
    ServerErrorAndHang,

    /// <summary>Answers 429 Throttled with <c>Retry-After: 1</c>, as Teams does past its limits.</summary>
    Throttled,
}

/// <summary>
/// A loopback Bot Connector v3 that behaves like Teams where our tests need it: it accepts sends, replies, updates and
/// 1:1 conversation creation, and enforces the documented rate limits (per tenant 50 in any 1 s; per conversation 7 in
/// 1 s, 8 in 2 s, 60 in 30 s) by answering 429 <c>Throttled</c> with <c>Retry-After: 1</c>. It records every accepted
/// activity with the time it arrived, so tests and benchmarks can count lost and duplicate messages.
/// Faults (500s, hung requests) can be switched on for a while with <see cref="FailUntil"/>.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private static readonly (int Limit, TimeSpan Window)[] ConversationLimits =
        [(7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30))];

    private static readonly (int Limit, TimeSpan Window) TenantLimit = (50, TimeSpan.FromSeconds(1));

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorDelivery> _deliveries = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _windows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _throttled;
    private long _failed;
    private long _faultCounter;
    private long _nextId;

    private FakeConnector(WebApplication app, int port, bool https)
    {
        _app = app;
        Port = port;
        ServiceUrl = $"{(https ? "https" : "http")}://127.0.0.1:{port}/";
    }

    public int Port { get; }

    /// <summary>The service URL to put in conversation references and incoming activities.</summary>
    public string ServiceUrl { get; }

    /// <summary>False turns the rate limits off (a baseline without throttling).</summary>
    public bool EnforceLimits { get; set; } = true;

    /// <summary>
    /// The tenant of a conversation when the activity names none (Teams knows it from the conversation id; a proactive
    /// activity need not carry it). Unset: every such conversation counts against one tenant.
    /// </summary>
    public Func<string, string>? TenantOfConversation { get; set; }

    /// <summary>While this is in the future, every request gets <see cref="Fault"/> instead of being handled.</summary>
    public DateTimeOffset FailUntil { get; set; } = DateTimeOffset.MinValue;

    public ConnectorFault Fault { get; set; } = ConnectorFault.ServerError;

    /// <summary>
    /// How long an accepted activity waits before its answer (recorded at once): a slow Teams, and the window in which a
    /// sender that dies has had its message accepted without learning it.
    /// </summary>
    public TimeSpan ResponseDelay { get; set; } = TimeSpan.Zero;

    public IReadOnlyList<ConnectorDelivery> Deliveries => [.. _deliveries];

    public long ThrottledCount => Interlocked.Read(ref _throttled);

    /// <summary>Requests answered 500 or held without an answer because of a fault.</summary>
    public long FailedCount => Interlocked.Read(ref _failed);

    /// <param name="certificate">Serve HTTPS with it (a bot with an app id sends its token over https only).</param>
    public static async Task<FakeConnector> StartAsync(int? port = null, TestCertificate? certificate = null)
    {
        var chosen = port ?? FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, chosen, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate.Certificate);
            }
        }));
        var app = builder.Build();
        var connector = new FakeConnector(app, chosen, certificate is not null);
        connector.Map(app);
        await app.StartAsync();
        return connector;
    }

    /// <summary>Accepted sends and replies (updates excluded), by conversation.</summary>
    public IReadOnlyDictionary<string, int> SendsByConversation() =>
        Deliveries.Where(d => d.Method == "POST").GroupBy(d => d.ConversationId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpContext http) => AcceptAsync(conversationId, "POST", http));
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", (string conversationId, HttpContext http) => AcceptAsync(conversationId, "POST", http));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, HttpContext http) => AcceptAsync(conversationId, "PUT", http));
        app.MapPost("/v3/conversations", (Delegate)((HttpContext http) => CreateConversationAsync(http)));
    }

    private async Task<IResult> AcceptAsync(string conversationId, string method, HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
        if (body is null)
        {
            return Results.BadRequest();
        }

        var conversation = Uri.UnescapeDataString(conversationId);
        var tenant = body["conversation"]?["tenantId"]?.GetValue<string>() ?? body["channelData"]?["tenant"]?["id"]?.GetValue<string>()
            ?? TenantOfConversation?.Invoke(conversation) ?? "tenant";
        if (await FaultAsync(http) is { } fault)
        {
            return fault;
        }

        if (!TryAdmit(tenant, conversation, DateTimeOffset.UtcNow))
        {
            Interlocked.Increment(ref _throttled);
            http.Response.Headers.RetryAfter = "1";
            return Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = "Throttled", ["message"] = "Too many requests." } }, statusCode: 429);
        }

        var id = method == "PUT"
            ? Uri.UnescapeDataString(http.Request.RouteValues["activityId"]?.ToString() ?? "")
            : "1:" + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _deliveries.Enqueue(new ConnectorDelivery(conversation, method, id, body, DateTimeOffset.UtcNow) { Authorization = http.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null });
        if (ResponseDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(ResponseDelay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return Results.Json(new JsonObject { ["id"] = id });
    }

    private async Task<IResult> CreateConversationAsync(HttpContext http)
    {
        if (await FaultAsync(http) is { } fault)
        {
            return fault;
        }

        var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var member = body?["members"]?.AsArray().FirstOrDefault()?["id"]?.GetValue<string>() ?? "unknown";
        return Results.Json(new JsonObject { ["id"] = "a:fake-" + member });
    }

    private async Task<IResult?> FaultAsync(HttpContext http)
    {
        var until = FailUntil;
        if (DateTimeOffset.UtcNow >= until)
        {
            return null;
        }

        Interlocked.Increment(ref _failed);
        var hang = Fault switch
        {
            ConnectorFault.Hang => true,
            ConnectorFault.ServerErrorAndHang => Interlocked.Increment(ref _faultCounter) % 2 == 0,
            _ => false,
        };
        if (hang)
        {
            var wait = until - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, http.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }
            }

            // Whatever the client still waits for after the fault is an error: the request was not handled.
            return Results.StatusCode(504);
        }

        if (Fault == ConnectorFault.Throttled)
        {
            Interlocked.Increment(ref _throttled);
            http.Response.Headers.RetryAfter = "1";
            return Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = "Throttled", ["message"] = "Too many requests." } }, statusCode: 429);
        }

        return Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = "InternalServerError", ["message"] = "Injected fault." } }, statusCode: 500);
    }

    /// <summary>Sliding-log check of every limit that applies; the request counts only when all admit it.</summary>
    private bool TryAdmit(string tenant, string conversation, DateTimeOffset now)
    {
        if (!EnforceLimits)
        {
            return true;
        }

        lock (_gate)
        {
            var checks = new List<(Queue<DateTimeOffset> Log, int Limit, TimeSpan Window)>
            {
                (Log("t|" + tenant), TenantLimit.Limit, TenantLimit.Window),
            };
            for (var i = 0; i < ConversationLimits.Length; i++)
            {
                checks.Add((Log($"c{i}|{conversation}"), ConversationLimits[i].Limit, ConversationLimits[i].Window));
            }

            foreach (var (log, limit, window) in checks)
            {
                while (log.Count > 0 && now - log.Peek() >= window)
                {
                    log.Dequeue();
                }

                if (log.Count >= limit)
                {
                    return false;
                }
            }

            foreach (var (log, _, _) in checks)
            {
                log.Enqueue(now);
            }

            return true;
        }
    }

    private Queue<DateTimeOffset> Log(string key)
    {
        if (!_windows.TryGetValue(key, out var log))
        {
            log = new Queue<DateTimeOffset>();
            _windows[key] = log;
        }

        return log;
    }
}
