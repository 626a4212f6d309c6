using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review;
using Consolidation.Bot.Routing;
using Consolidation.Bot.Routing.Commands;

namespace Consolidation.Bot.Features.Administration;

/// <summary>
/// <c>担当変更 J-0012 佐藤</c> / <c>reassign J-0012 sato@city.example.jp [reason]</c>: the secretariat hands the stage the
/// task is in to another member (<see cref="TaskAdministration.ReassignAsync"/>); the new assignee gets the card.
/// </summary>
public sealed class ReassignHandler(IActiveReviewLoader loader, ITaskAdministration administration) : ITurnHandler
{
    public const string CommandName = "reassign";

    public static readonly CommandDefinition Command = new(CommandName, ["担当変更", "担当者変更", "reassign"]);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await loader.LoadForSecretariatAsync(turn, nameof(Strings.Admin_NotSecretariat), cancellationToken) is not var (context, secretariat))
        {
            return null;
        }

        var (taskId, rest) = CommandArguments.AfterCommandWord(turn.UserText);
        if (taskId.Length == 0 || rest.Length == 0)
        {
            await turn.SendTextAsync(turn.Text[nameof(Strings.Reassign_Usage)], cancellationToken);
            return null;
        }

        var result = await administration.ReassignAsync(context.ReviewId, secretariat, taskId, rest, stage: null, reason: null, turn.TenantId, cancellationToken);
        await turn.SendTextAsync(AdministrationReplies.For(result, taskId, rest, null, turn.Text), cancellationToken);
        return null;
    }
}
