using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.Tests.Routing;

public class RouteTableTests
{
    private sealed class NoopHandler : ITurnHandler
    {
        public Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken) => Task.FromResult<InvokeResponse?>(null);
    }

    private sealed class OtherHandler : ITurnHandler
    {
        public Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken) => Task.FromResult<InvokeResponse?>(null);
    }

    [Fact]
    public void AddTurnHandler_SameRouteTwice_Throws()
    {
        var services = new ServiceCollection();
        services.AddTurnHandler<NoopHandler>(Routes.ForCardVerb("x"));

        var ex = Assert.Throws<InvalidOperationException>(() => services.AddTurnHandler<OtherHandler>(Routes.ForCardVerb("x")));
        Assert.Contains("verb:x", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTurnHandler_DistinctRoutes_ResolvesEachHandlerByKey()
    {
        var services = new ServiceCollection();
        services.AddTurnHandler<NoopHandler>(Routes.ForCardVerb("a"));
        services.AddTurnHandler<OtherHandler>(Routes.ForCommand("b"));
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        Assert.IsType<NoopHandler>(scope.ServiceProvider.GetRequiredKeyedService<ITurnHandler>("verb:a"));
        Assert.IsType<OtherHandler>(scope.ServiceProvider.GetRequiredKeyedService<ITurnHandler>("command:b"));
        var table = provider.GetRequiredService<RouteTable>();
        Assert.Equal(2, table.All.Count);
    }
}
