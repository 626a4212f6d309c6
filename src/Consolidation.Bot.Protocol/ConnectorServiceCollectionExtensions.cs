using Consolidation.Bot.Protocol.Auth;
using Consolidation.Bot.Protocol.Connector;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of the outbound Bot Connector client.</summary>
public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IConnectorClient"/> as a typed <see cref="HttpClient"/> with, outermost first:
    /// total timeout + retry (429/412/502/503/504, Retry-After honoured), the per-conversation/per-tenant
    /// <see cref="ConnectorRateLimiter"/>, a per-attempt timeout and the bearer-token handler.
    /// The token provider is MSAL with the client secret, or the user-assigned managed identity
    /// (<c>Bot:Credential=UserAssignedMsi</c>), when <c>Bot:AppId</c> is set, and none without it (development mode). Every call's service
    /// URL is checked by <see cref="ServiceUrlPolicy"/> before a token is fetched: the token goes to allowed hosts only.
    /// <see cref="BotAuthenticationOptions"/> is bound by the host; <see cref="ConnectorOptions"/> keep their defaults
    /// unless <paramref name="configure"/> (or the host, e.g. <c>AddOptions&lt;ConnectorOptions&gt;().BindConfiguration(…)</c>) changes them.
    /// </summary>
    public static IHttpClientBuilder AddBotConnector(this IServiceCollection services, Action<ConnectorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ConnectorOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddOptions<BotAuthenticationOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotAuthenticationOptions>, ConnectorCredentialValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DevelopmentMode>();
        services.TryAddSingleton<ServiceUrlPolicy>();
        services.AddMetrics();
        services.TryAddSingleton<ConnectorMetrics>();
        services.TryAddSingleton<ConnectorRateLimiter>();
        services.TryAddSingleton<IBotTokenProvider>(CreateTokenProvider);
        services.TryAddTransient<BotAuthenticationHandler>();
        services.TryAddTransient<RateLimitingHandler>();

        var builder = services.AddHttpClient<IConnectorClient, ConnectorClient>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler(ConnectorResilience.RetryPipelineName, static (pipeline, context) =>
        {
            var provider = context.ServiceProvider;
            ConnectorResilience.ConfigureRetry(
                pipeline,
                provider.GetRequiredService<IOptions<ConnectorOptions>>().Value,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILoggerFactory>().CreateLogger<ConnectorClient>(),
                provider.GetRequiredService<ConnectorMetrics>());
        });
        builder.AddHttpMessageHandler<RateLimitingHandler>();
        builder.AddResilienceHandler(ConnectorResilience.AttemptPipelineName, static (pipeline, context) =>
            ConnectorResilience.ConfigureAttempt(pipeline, context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value));
        builder.AddHttpMessageHandler<BotAuthenticationHandler>();
        return builder;
    }

    private static IBotTokenProvider CreateTokenProvider(IServiceProvider provider)
    {
        var auth = provider.GetRequiredService<IOptions<BotAuthenticationOptions>>();
        if (auth.Value.IsAppIdMissing)
        {
            return new NoBotTokenProvider();
        }

        return auth.Value.Credential == BotCredentialKind.UserAssignedMsi
            ? ActivatorUtilities.CreateInstance<TokenCredentialBotTokenProvider>(provider, TokenCredentialBotTokenProvider.ManagedIdentity(auth.Value))
            : ActivatorUtilities.CreateInstance<MsalBotTokenProvider>(provider, auth);
    }
}
