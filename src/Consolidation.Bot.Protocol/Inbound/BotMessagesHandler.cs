using System.Security.Claims;
using Consolidation.Bot.Protocol.Auth;
using Consolidation.Bot.Protocol.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Protocol.Inbound;

/// <summary>
/// The <c>/api/messages</c> pipeline: content type (415), size (413), activity shape (400), an unsigned request
/// outside development mode or from another machine (401/403), authentication (401/403/503), channel (403), tenant
/// (403), then the host's <see cref="IActivityProcessor"/> on a turn token of its own.
/// </summary>
internal sealed class BotMessagesHandler
{
    /// <summary>The only channel of a deployed bot.</summary>
    public const string TeamsChannel = "msteams";

    /// <summary>Channels also accepted in development mode (local tools).</summary>
    public static readonly IReadOnlySet<string> DevelopmentChannels = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "emulator", "webchat" };

    private readonly IBotRequestAuthenticator _authenticator;
    private readonly DevelopmentMode _developmentMode;
    private readonly BotAuthenticationOptions _auth;
    private readonly BotInboundOptions _inbound;
    private readonly TimeProvider _timeProvider;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly ILogger<BotMessagesHandler> _logger;

    public BotMessagesHandler(
        IBotRequestAuthenticator authenticator,
        DevelopmentMode developmentMode,
        IOptions<BotAuthenticationOptions> authOptions,
        IOptions<BotInboundOptions> inboundOptions,
        TimeProvider timeProvider,
        ILogger<BotMessagesHandler> logger,
        IHostApplicationLifetime? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(authOptions);
        ArgumentNullException.ThrowIfNull(inboundOptions);
        _authenticator = authenticator;
        _developmentMode = developmentMode;
        _auth = authOptions.Value;
        _inbound = inboundOptions.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _lifetime = lifetime;
    }

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return Results.Ok();
        }

        var request = context.Request;
        if (!RequestBodyReader.IsJson(request.ContentType))
        {
            InboundLog.UnsupportedMediaType(_logger, request.ContentType);
            return Problem(StatusCodes.Status415UnsupportedMediaType, "The request body must be application/json.");
        }

        var body = await RequestBodyReader.ReadAsync(request, _auth.MaxRequestBodyBytes, context.RequestAborted);
        if (body is null)
        {
            InboundLog.BodyTooLarge(_logger, _auth.MaxRequestBodyBytes);
            return Problem(StatusCodes.Status413PayloadTooLarge, $"The request body exceeds {_auth.MaxRequestBodyBytes} bytes.");
        }

        var activity = ActivityBodyParser.Parse(body, out var error);
        if (activity is null)
        {
            InboundLog.MalformedActivity(_logger, error!);
            return Problem(StatusCodes.Status400BadRequest, error!);
        }

        return await AuthorizeAndProcessAsync(context, activity);
    }

    private async Task<IResult> AuthorizeAndProcessAsync(HttpContext context, Activity activity)
    {
        if (_auth.IsAppIdMissing && !_developmentMode.AllowsUnsignedFrom(context.Connection.RemoteIpAddress))
        {
            // Checked here, not only at start-up: a request that reaches the server before the start-up guard ran, or
            // from another machine while developing, is refused all the same.
            var status = _developmentMode.IsEnabled ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            InboundLog.UnsignedRequestRefused(_logger, status);
            return Problem(status, _developmentMode.IsEnabled
                ? "Development mode accepts requests from this machine (loopback) only."
                : "The bot has no app id configured outside development mode: every request is refused.");
        }

        var header = context.Request.Headers.Authorization;
        var auth = await _authenticator.AuthenticateAsync(
            header.Count == 0 ? null : header.ToString(), activity, context.RequestAborted);
        if (!auth.Succeeded)
        {
            if (auth.StatusCode == StatusCodes.Status401Unauthorized)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
            }

            return Problem(auth.StatusCode, auth.Reason);
        }

        if (!IsAcceptedChannel(activity.ChannelId))
        {
            InboundLog.ChannelRejected(_logger, activity.Id, activity.ChannelId);
            return Problem(StatusCodes.Status403Forbidden, $"The channel '{activity.ChannelId}' is not accepted: this bot serves Microsoft Teams (msteams).");
        }

        var tenantId = ActivityTenant.TenantIdOf(activity);
        if (!TenantGate.IsAllowed(tenantId, _auth, _developmentMode.IsEnabled))
        {
            InboundLog.TenantRejected(_logger, activity.Id, tenantId);
            return Problem(StatusCodes.Status403Forbidden, "The activity's tenant is not allowed to use this bot.");
        }

        var processor = context.RequestServices.GetRequiredService<IActivityProcessor>();
        using var scope = _logger.BeginScope(new Dictionary<string, object?>
        {
            ["ActivityId"] = activity.Id,
            ["ConversationId"] = activity.Conversation?.Id,
            ["TenantId"] = tenantId,
        });
        return await RunTurnAsync(processor, activity, auth.ClaimsIdentity);
    }

    /// <summary>Runs the turn on its own deadline (never <c>RequestAborted</c>) and writes the answer.</summary>
    private async Task<IResult> RunTurnAsync(IActivityProcessor processor, Activity activity, ClaimsIdentity identity)
    {
        using var timeout = new CancellationTokenSource(_inbound.TurnTimeout, _timeProvider);
        using var turn = CancellationTokenSource.CreateLinkedTokenSource(
            timeout.Token, _lifetime?.ApplicationStopping ?? CancellationToken.None);
        var isInvoke = string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase);
        var started = _timeProvider.GetTimestamp();
        InboundLog.ProcessingActivity(_logger, activity.Type, activity.Id);

        InvokeResponse? response;
        try
        {
            response = await processor.ProcessAsync(activity, identity, turn.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            InboundLog.TurnTimedOut(_logger, activity.Type, activity.Id, (long)_inbound.TurnTimeout.TotalMilliseconds);
            return Problem(StatusCodes.Status500InternalServerError, "The activity was not processed in time.");
        }

        if (!isInvoke)
        {
            return Results.Ok();
        }

        var elapsed = _timeProvider.GetElapsedTime(started);
        if (elapsed > _inbound.InvokeResponseBudget)
        {
            InboundLog.SlowInvoke(_logger, activity.Name, (long)elapsed.TotalMilliseconds,
                (long)_inbound.InvokeResponseBudget.TotalMilliseconds);
        }

        if (response is null)
        {
            InboundLog.InvokeNotHandled(_logger, activity.Name, activity.Id);
            return Results.StatusCode(StatusCodes.Status501NotImplemented);
        }

        return Results.Json(response, ProtocolJsonContext.Wire.InvokeResponse, "application/json", StatusCodes.Status200OK);
    }

    private bool IsAcceptedChannel(string? channelId) =>
        string.Equals(channelId, TeamsChannel, StringComparison.OrdinalIgnoreCase)
        || (_developmentMode.IsEnabled && channelId is not null && DevelopmentChannels.Contains(channelId));

    private static IResult Problem(int statusCode, string? detail) =>
        Results.Problem(detail: detail, statusCode: statusCode, title: ReasonPhrases.GetReasonPhrase(statusCode));
}
