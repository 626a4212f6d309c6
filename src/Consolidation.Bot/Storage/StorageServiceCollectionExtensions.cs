using Microsoft.Extensions.DependencyInjection.Extensions;
using Azure.Data.Tables;

namespace Consolidation.Bot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Azure Storage: validated options, the clients (managed identity or a connection string), tables, readiness.</summary>
    public static IServiceCollection AddBotStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<StorageClients>();
        services.TryAddSingleton<TableServiceClient>(sp => sp.GetRequiredService<StorageClients>().Tables());
        services.TryAddSingleton<TableClientProvider>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
        return services;
    }
}
