using Microsoft.Extensions.DependencyInjection.Extensions;
using Consolidation.Bot.Outbox;

namespace Consolidation.Bot.Features.Questionnaire;

public static class QuestionnaireServiceCollectionExtensions
{
    /// <summary>The questionnaire: loading the review for a turn, composing cards, answering, and sending the next card.</summary>
    public static IServiceCollection AddQuestionnaire(this IServiceCollection services)
    {
        services.TryAddSingleton<ActiveReviewLoader>();
        services.TryAddSingleton<IActiveReviewLoader>(sp => sp.GetRequiredService<ActiveReviewLoader>());
        services.TryAddSingleton<QuestionnaireComposer>();
        services.TryAddSingleton<TaskCards>();
        services.TryAddSingleton<SentCardFinder>();
        services.TryAddSingleton<IAnswerRecords, AnswerRecords>();
        services.TryAddSingleton<AnswerSubmission>();
        services.AddOutboxHandler<NextCardSender>();
        services.AddHostedService<NextCardSweeper>();
        return services;
    }
}
