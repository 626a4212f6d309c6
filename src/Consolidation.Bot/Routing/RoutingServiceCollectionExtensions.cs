using Consolidation.Bot.Protocol.Inbound;
using Consolidation.Bot.Routing.Commands;

namespace Consolidation.Bot.Routing;

public static class RoutingServiceCollectionExtensions
{
    /// <summary>Registers the router as the protocol layer's activity processor.</summary>
    public static IServiceCollection AddTurnRouting(this IServiceCollection services)
    {
        GetOrAddRouteTable(services);
        services.AddSingleton<CommandRecognizer>();
        services.AddScoped<IActivityProcessor, ActivityRouter>();
        return services;
    }

    /// <summary>Registers <typeparamref name="THandler"/> for <paramref name="route"/> (see <see cref="Routes"/>).</summary>
    public static IServiceCollection AddTurnHandler<THandler>(this IServiceCollection services, string route)
        where THandler : class, ITurnHandler
    {
        GetOrAddRouteTable(services).Add(route, typeof(THandler));
        services.AddKeyedScoped<ITurnHandler, THandler>(route);
        return services;
    }

    /// <summary>Registers a chat command: its phrases (any language) and its handler.</summary>
    public static IServiceCollection AddCommand<THandler>(this IServiceCollection services, CommandDefinition command)
        where THandler : class, ITurnHandler
    {
        services.AddSingleton(command);
        return services.AddTurnHandler<THandler>(Routes.ForCommand(command.Name));
    }

    private static RouteTable GetOrAddRouteTable(IServiceCollection services)
    {
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(RouteTable) && d.ImplementationInstance is not null);
        if (existing?.ImplementationInstance is RouteTable table)
        {
            return table;
        }

        table = new RouteTable();
        services.AddSingleton(table);
        return table;
    }
}
