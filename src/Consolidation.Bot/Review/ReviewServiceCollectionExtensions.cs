using Microsoft.Extensions.DependencyInjection.Extensions;
using Consolidation.Bot.Hosting;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.Review;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>The review: its options, its storage (catalog, repository, cursors, audit), and the services that decide on it.</summary>
    public static IServiceCollection AddReviewStorage(this IServiceCollection services)
    {
        services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ReviewCatalog>();
        services.TryAddSingleton<ReviewRepository>();
        services.TryAddSingleton<IReviewSnapshots>(sp => sp.GetRequiredService<ReviewRepository>());
        services.TryAddSingleton<ReviewImportWriter>();
        services.TryAddSingleton<MemberCursorStore>();
        services.TryAddSingleton<IMemberCursors>(sp => sp.GetRequiredService<MemberCursorStore>());
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<IAuditTrail>(sp => sp.GetRequiredService<AuditLog>());
        services.TryAddSingleton<ThemeDirectionStore>();
        services.TryAddSingleton<IThemeDirections>(sp => sp.GetRequiredService<ThemeDirectionStore>());
        services.TryAddSingleton<DecisionService>();
        services.TryAddSingleton<StageOpeningService>();
        services.TryAddSingleton<StageAdministration>();
        services.TryAddSingleton<IStageAdministration>(sp => sp.GetRequiredService<StageAdministration>());
        services.TryAddSingleton<TaskAdministration>();
        services.TryAddSingleton<ITaskAdministration>(sp => sp.GetRequiredService<TaskAdministration>());
        services.TryAddSingleton<RevisitRounds>();
        services.TryAddSingleton<IRevisitRounds>(sp => sp.GetRequiredService<RevisitRounds>());
        services.TryAddSingleton<Export.ReviewExporter>();
        services.TryAddSingleton<Import.ReviewImportService>();
        return services;
    }
}
