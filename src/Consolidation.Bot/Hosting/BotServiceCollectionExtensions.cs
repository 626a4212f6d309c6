using Consolidation.Bot.Conversations;
using Consolidation.Bot.Features;
using Consolidation.Bot.Features.Council;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Features.Status;
using Consolidation.Bot.Graph;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Protocol;
using Consolidation.Bot.Protocol.Connector;
using Consolidation.Bot.Review;
using Consolidation.Bot.Scheduling;
using Consolidation.Bot.SendBudget;
using Consolidation.Bot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Consolidation.Bot.Hosting;

public static class BotServiceCollectionExtensions
{
    /// <summary>
    /// Everything the bot needs, one call per area (each next to its area, each options class validated at start-up):
    /// storage, the review, conversations, Graph, the outbox, the questionnaire, schedules, the protocol and the routes.
    /// </summary>
    public static IServiceCollection AddConsolidationBot(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<Diagnostics.BotMetrics>();

        services.AddBotStorage();
        services.AddReviewStorage();
        services.AddBotInbound();
        services.AddOptions<ConnectorOptions>().BindConfiguration(ConnectorOptions.SectionName); // validated by AddBotConnector
        services.AddBotConnector();
        services.AddSendBudget();
        services.AddConversations();
        services.AddGraph();
        services.TryAddSingleton<CouncilRegistration>();
        services.TryAddSingleton<ICouncilRegistration>(sp => sp.GetRequiredService<CouncilRegistration>());
        services.AddOutbox();
        services.AddQuestionnaire();
        services.AddStatusQuestions();
        services.AddScheduling();
        services.AddHostedService<StartupCacheWarmer>();
        services.AddBotRoutes();
        return services;
    }
}
