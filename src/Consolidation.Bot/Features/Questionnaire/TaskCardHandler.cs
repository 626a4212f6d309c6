using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Routing;

namespace Consolidation.Bot.Features.Questionnaire;

/// <summary>
/// <c>refreshTask</c> (Teams' automatic refresh for the assignee) and <c>showTask</c> (a pick from "my tasks", or
/// "show the current card" on a stale card): the card that shows the task as it stands now, for this member.
/// </summary>
public sealed class TaskCardHandler(IActiveReviewLoader loader, TaskCards cards, ILogger<TaskCardHandler> logger) : ITurnHandler
{
    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var start = await CardActionGuard.OpenAsync(loader, turn, forAnswer: false, logger, cancellationToken);
        if (start.Context is not { } context)
        {
            return start.Refusal;
        }

        var taskId = turn.CardAction!.Get(QuestionnaireFields.TaskId) ?? "";
        var task = await loader.FindTaskAsync(context, taskId, cancellationToken);
        if (task is null)
        {
            return InvokeResponses.Message(turn.Text.Format(nameof(Strings.Task_NotFound), taskId));
        }

        return InvokeResponses.Card(cards.Current(context.Snapshot, task, context.Sender!, turn.From.Id, turn.Text));
    }
}
