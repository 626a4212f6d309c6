using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.Protocol.Inbound;

/// <summary>Maps the Bot Connector messaging endpoint.</summary>
public static class BotMessagesEndpoint
{
    public const string DefaultPattern = "/api/messages";

    /// <summary>
    /// Maps <c>POST {pattern}</c> (activities) and <c>HEAD {pattern}</c> (liveness ping of the Agents Playground).
    /// Requires <see cref="InboundServiceCollectionExtensions.AddBotInbound"/> and a registered
    /// <see cref="IActivityProcessor"/>. Authentication happens inside the endpoint, so do not add
    /// <c>RequireAuthorization()</c> for another scheme.
    /// </summary>
    public static RouteHandlerBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var handler = endpoints.ServiceProvider.GetService<BotMessagesHandler>()
            ?? throw new InvalidOperationException(
                $"Call services.{nameof(InboundServiceCollectionExtensions.AddBotInbound)}() before {nameof(MapBotMessages)}().");
        Delegate handle = (Func<HttpContext, Task<IResult>>)handler.HandleAsync;
        return endpoints.MapMethods(pattern, [HttpMethods.Post, HttpMethods.Head], handle);
    }
}
