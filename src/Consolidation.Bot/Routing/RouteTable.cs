namespace Consolidation.Bot.Routing;

/// <summary>The set of registered route keys, filled at registration time (see <see cref="RoutingServiceCollectionExtensions"/>).</summary>
public sealed class RouteTable
{
    private readonly HashSet<string> _routes = new(StringComparer.Ordinal);

    public bool Contains(string route) => _routes.Contains(route);

    public IReadOnlyCollection<string> All => _routes;

    internal void Add(string route, Type handlerType)
    {
        if (!_routes.Add(route))
        {
            throw new InvalidOperationException($"Route '{route}' is registered twice (second handler: {handlerType.Name}).");
        }
    }
}
