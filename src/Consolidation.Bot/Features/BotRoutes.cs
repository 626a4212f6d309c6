using Consolidation.Bot.Cards;
using Consolidation.Bot.Features.Administration;
using Consolidation.Bot.Features.Council;
using Consolidation.Bot.Features.Digest;
using Consolidation.Bot.Features.Help;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Features.Reminders;
using Consolidation.Bot.Features.Status;
using Consolidation.Bot.Features.Themes;
using Consolidation.Bot.Features.Welcome;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Routing;

namespace Consolidation.Bot.Features;

public static class BotRoutes
{
    /// <summary>
    /// The routing table in one place: which handler answers which activity, chat command and card verb. A message no
    /// command claims is a status question.
    /// </summary>
    public static IServiceCollection AddBotRoutes(this IServiceCollection services)
    {
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
        services.AddCommand<ThemeDirectionHandler>(ThemeDirectionHandler.Command);
        services.AddCommand<ReassignHandler>(ReassignHandler.Command);
        services.AddCommand<ReopenHandler>(ReopenHandler.Command);
        services.AddCommand<RevisitHandler>(RevisitHandler.Command);
        return services;
    }
}
