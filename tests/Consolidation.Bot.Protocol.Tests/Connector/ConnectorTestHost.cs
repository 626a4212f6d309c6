using Consolidation.Bot.Protocol.Auth;
using Consolidation.Bot.Protocol.Connector;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.Protocol.Tests.Connector;

/// <summary>A service provider with the connector registered as the host would, tuned for fast tests.</summary>
internal static class ConnectorTestHost
{
    public static ServiceProvider Build(
        Action<ConnectorOptions>? configure = null,
        IBotTokenProvider? tokenProvider = null,
        Action<BotAuthenticationOptions>? auth = null,
        ISharedSendBudget? budget = null,
        bool budgetTurnedOff = false)
    {
        var services = new ServiceCollection();
        if (budget is not null)
        {
            services.AddSingleton(budget);
        }
        else if (budgetTurnedOff)
        {
            // As the host registers it with SendBudget:Enabled=false: a factory that gives no budget.
            services.AddSingleton<ISharedSendBudget>(_ => null!);
        }

        services.AddLogging();
        // The Development environment: the loopback fake connector is plain http, allowed only in development mode.
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Auth.TestEnvironment(Microsoft.Extensions.Hosting.Environments.Development));
        var authOptions = services.AddOptions<BotAuthenticationOptions>();
        if (auth is not null)
        {
            authOptions.Configure(auth);
        }

        if (tokenProvider is not null)
        {
            services.AddSingleton(tokenProvider);
        }

        services.AddBotConnector(options =>
        {
            options.BaseRetryDelay = TimeSpan.FromMilliseconds(10);
            configure?.Invoke(options);
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public static IConnectorClient Client(this ServiceProvider provider) => provider.GetRequiredService<IConnectorClient>();
}

