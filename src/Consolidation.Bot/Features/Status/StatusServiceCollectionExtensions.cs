using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Consolidation.Bot.Features.Status;

public static class StatusServiceCollectionExtensions
{
    /// <summary>Status questions: what their answers read besides the review (history, the last digest) and where an asker-only answer goes.</summary>
    public static IServiceCollection AddStatusQuestions(this IServiceCollection services)
    {
        services.TryAddSingleton<IStatusSources, StatusSources>();
        return services;
    }
}
