using Microsoft.Extensions.DependencyInjection.Extensions;
namespace Consolidation.Bot.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>The outbox: validated options, the queue client, next-card requests, and the worker that runs the handlers.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<OutboxClient>();
        services.TryAddSingleton<IOutboxWriter>(sp => sp.GetRequiredService<OutboxClient>());
        services.TryAddSingleton<NextCardRequests>();
        services.AddHostedService<OutboxWorker>();
        return services;
    }

    /// <summary>One more kind of outbox message and its handler.</summary>
    public static IServiceCollection AddOutboxHandler<THandler>(this IServiceCollection services)
        where THandler : class, IOutboxHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxHandler, THandler>());
        return services;
    }
}
