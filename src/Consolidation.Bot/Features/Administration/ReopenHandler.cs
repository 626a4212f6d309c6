using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review;
using Consolidation.Bot.Routing;
using Consolidation.Bot.Routing.Commands;

namespace Consolidation.Bot.Features.Administration;

/// <summary>
/// <c>差し戻し J-0012 理由</c> / <c>reopen J-0012 reason</c>: the secretariat sends the task back to the furthest stage it has
/// an answer for (<see cref="TaskAdministration.ReopenAsync"/>); its assignee gets the card again if the stage is open.
/// </summary>
public sealed class ReopenHandler(IActiveReviewLoader loader, ITaskAdministration administration) : ITurnHandler
{
    public const string CommandName = "reopen";

    public static readonly CommandDefinition Command = new(CommandName, ["差し戻し", "差戻し", "差戻", "reopen"]);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await loader.LoadForSecretariatAsync(turn, nameof(Strings.Admin_NotSecretariat), cancellationToken) is not var (context, secretariat))
        {
            return null;
        }

        var (taskId, reason) = CommandArguments.AfterCommandWord(turn.UserText);
        if (taskId.Length == 0 || reason.Length == 0)
        {
            await turn.SendTextAsync(turn.Text[nameof(Strings.Reopen_Usage)], cancellationToken);
            return null;
        }

        var result = await administration.ReopenAsync(context.ReviewId, secretariat, taskId, stage: null, reason, turn.TenantId, cancellationToken);
        await turn.SendTextAsync(AdministrationReplies.For(result, taskId, "", reason, turn.Text), cancellationToken);
        return null;
    }
}
