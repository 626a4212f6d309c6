using Consolidation.Bot.Protocol.Auth;
using Consolidation.Bot.Protocol.Inbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Protocol;

/// <summary>Registers the inbound half of the protocol: token validation and the <c>/api/messages</c> handler.</summary>
public static class InboundServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Bot</c> (<see cref="BotAuthenticationOptions"/>, validated at start-up) and <c>Bot:Inbound</c>
    /// (<see cref="BotInboundOptions"/>, validated at start-up too), registers <see cref="IBotRequestAuthenticator"/>, the system
    /// <see cref="TimeProvider"/> unless one is registered, <see cref="DevelopmentMode"/> and its start-up guard (no app id
    /// outside the Development environment: the web host refuses to start).
    /// The host registers its own <see cref="IActivityProcessor"/> and calls <c>MapBotMessages()</c>.
    /// </summary>
    public static IServiceCollection AddBotInbound(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(BotMessagesHandler)))
        {
            return services;
        }

        services.AddOptions<BotAuthenticationOptions>()
            .BindConfiguration(BotAuthenticationOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<BotAuthenticationOptions>, BotAuthenticationOptionsValidator>());
        services.AddOptions<BotInboundOptions>().BindConfiguration(BotInboundOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DevelopmentMode>();
        services.TryAddSingleton<IOpenIdMetadataSource, OpenIdMetadataCache>();
        services.TryAddSingleton<IBotRequestAuthenticator, BotTokenValidator>();
        services.AddSingleton<BotMessagesHandler>();
        services.AddHostedService<DevelopmentModeGuard>();
        return services;
    }
}
