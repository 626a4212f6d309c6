using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Routing;
using Consolidation.Bot.Routing.Commands;
using Consolidation.Bot.Scheduling;

namespace Consolidation.Bot.Features.Reminders;

/// <summary><c>remind now</c> / <c>リマインド</c>: the secretariat has every member with open tasks reminded now, leads told of late ones.</summary>
public sealed class RemindNowHandler(IActiveReviewLoader loader, IScheduledRunTrigger trigger) : ITurnHandler
{
    public const string CommandName = "remindNow";

    public static readonly CommandDefinition Command = new(CommandName, ["remind now", "remind", "リマインド", "リマインド送信", "リマインドを送信", "督促"]);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await loader.LoadForSecretariatAsync(turn, nameof(Strings.Reminder_NotSecretariat), cancellationToken) is not var (_, secretariat))
        {
            return null;
        }

        await trigger.TriggerNowAsync(ScheduleKind.Reminders, turn.TenantId, secretariat, cancellationToken);
        await turn.SendTextAsync(turn.Text[nameof(Strings.Reminder_Queued)], cancellationToken);
        return null;
    }
}
