using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Graph;

public static class GraphServiceCollectionExtensions
{
    /// <summary>Microsoft Graph (optional): validated options, the directory access, and the group membership sync.</summary>
    public static IServiceCollection AddGraph(this IServiceCollection services)
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>());
        services.TryAddSingleton(sp => DirectoryGraphAccess.FromOptions(sp.GetRequiredService<IOptions<GraphOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<GroupMembershipSync>();
        return services;
    }
}
