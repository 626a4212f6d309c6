using Azure.Data.Tables;
using Consolidation.Bot.Conversations;
using Consolidation.Bot.Features.Council;
using Consolidation.Bot.Features.Digest;
using Consolidation.Bot.Features.Reminders;
using Consolidation.Bot.Scheduling;
using Consolidation.Bot.Features.Status;
using Consolidation.Bot.Graph;
using Consolidation.Bot.Features.Help;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Features.Welcome;
using Consolidation.Bot.Protocol;
using Consolidation.Bot.Protocol.Connector;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Routing;
using Consolidation.Bot.Storage;
using Consolidation.Bot.Cards;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Hosting;

public static class BotServiceCollectionExtensions
{
    /// <summary>Everything the bot needs: validated options, protocol, storage, routing and the feature handlers.</summary>
    public static IServiceCollection AddConsolidationBot(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<Diagnostics.BotMetrics>();

        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddBotInbound();
        services.AddOptions<ConnectorOptions>().BindConfiguration(ConnectorOptions.SectionName);
        services.AddBotConnector();

        services.AddSingleton<StorageClients>();
        services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().Tables());
        services.AddSingleton<TableClientProvider>();
        services.AddSingleton<ConversationReferenceStore>();
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>());
        services.AddSingleton<GroupMembershipSync>();
        services.TryAddSingleton(sp => DirectoryGraphAccess.FromOptions(sp.GetRequiredService<IOptions<GraphOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ConversationReferenceRecorder>();
        services.AddSingleton<ProactiveMessenger>();
        services.AddSingleton<ReviewCatalog>();
        services.AddSingleton<ReviewRepository>();
        services.AddSingleton<ReviewImportWriter>();
        services.AddSingleton<DecisionService>();
        services.AddSingleton<StageOpeningService>();
        services.AddSingleton<TaskAdministration>();
        services.AddSingleton<CouncilRegistration>();
        services.AddSingleton<StageAdministration>();
        services.AddSingleton<Export.ReviewExporter>();
        services.AddSingleton<Import.ReviewImportService>();
        services.AddSingleton<MemberCursorStore>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ThemeDirectionStore>();
        services.AddSingleton<ActiveReviewLoader>();
        services.AddSingleton<QuestionnaireComposer>();
        services.AddSingleton<SentCardFinder>();
        services.AddSingleton<TaskCards>();
        services.AddSingleton<AnswerSubmission>();
        services.AddSingleton<RevisitRounds>();

        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxClient>();
        services.AddSingleton<NextCardRequests>();
        services.AddSingleton<IOutboxHandler, NextCardSender>();
        services.AddHostedService<OutboxWorker>();
        services.AddHostedService<NextCardSweeper>();

        services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new ScheduleCalendar(sp.GetRequiredService<IOptions<ScheduleOptions>>().Value,
            sp.GetRequiredService<IOptions<ReviewOptions>>().Value.Zone));
        services.AddSingleton<ScheduleStore>();
        services.AddSingleton<ScheduleTenants>();
        services.AddSingleton<ScheduleTexts>();
        services.AddSingleton<ScheduledRunTrigger>();
        services.AddSingleton<RecipientSender>();
        services.AddSingleton<RemindOneMember>();
        services.AddSingleton<IOutboxHandler, DigestRunHandler>();
        services.AddSingleton<IOutboxHandler, RemindersRunHandler>();
        services.AddSingleton<IOutboxHandler, ReminderHandler>();
        services.AddSingleton<IOutboxHandler, EscalationHandler>();
        services.AddHostedService<ScheduleRunner>();
        services.AddHostedService<StartupCacheWarmer>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);

        services.AddTurnRouting();
        services.AddTurnHandler<InstallationUpdateHandler>(Routes.ForActivity(ActivityTypes.InstallationUpdate));
        services.AddCommand<HelpHandler>(HelpHandler.Command);
        services.AddTurnHandler<HelpHandler>(Routes.ForCardVerb(CardVerbs.ShowHelp));
        services.AddCommand<RegisterCouncilHandler>(RegisterCouncilHandler.Command);
        services.AddTurnHandler<StatusQuestionHandler>(Routes.UnrecognizedMessage);
        services.AddTurnHandler<StatusQuestionHandler>(Routes.ForCardVerb(CardVerbs.AskStatus));
        services.AddCommand<OpenStageHandler>(OpenStageHandler.Command);
        services.AddCommand<CloseStageHandler>(CloseStageHandler.Command);
        services.AddCommand<MyTasksHandler>(MyTasksHandler.Command);
        services.AddTurnHandler<MyTasksHandler>(Routes.ForCardVerb(CardVerbs.MyTasks));
        services.AddTurnHandler<SubmitAnswerHandler>(Routes.ForCardVerb(CardVerbs.SubmitAnswer));
        services.AddTurnHandler<SubmitBatchHandler>(Routes.ForCardVerb(CardVerbs.SubmitBatch));
        services.AddTurnHandler<SubmitBureauViewHandler>(Routes.ForCardVerb(CardVerbs.SubmitBureauView));
        services.AddTurnHandler<TaskCardHandler>(Routes.ForCardVerb(CardVerbs.RefreshTask));
        services.AddTurnHandler<TaskCardHandler>(Routes.ForCardVerb(CardVerbs.ShowTask));
        services.AddCommand<DigestNowHandler>(DigestNowHandler.Command);
        services.AddCommand<RemindNowHandler>(RemindNowHandler.Command);
        services.AddCommand<Features.Themes.ThemeDirectionHandler>(Features.Themes.ThemeDirectionHandler.Command);
        services.AddCommand<Features.Administration.ReassignHandler>(Features.Administration.ReassignHandler.Command);
        services.AddCommand<Features.Administration.ReopenHandler>(Features.Administration.ReopenHandler.Command);
        services.AddCommand<Features.Administration.RevisitHandler>(Features.Administration.RevisitHandler.Command);
        return services;
    }
}
