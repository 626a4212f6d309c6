using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review;
using Consolidation.Bot.Routing;
using Consolidation.Bot.Routing.Commands;

namespace Consolidation.Bot.Features.Questionnaire;

/// <summary><c>close prewg 福祉</c> / <c>プレWG終了 全部会</c>: the secretariat closes a stage; later answers are refused.</summary>
public sealed class CloseStageHandler(IActiveReviewLoader loader, IStageAdministration stages) : ITurnHandler
{
    public const string CommandName = "closeStage";

    public static readonly CommandDefinition Command = new(CommandName, ["close", "プレwg終了", "wg終了", "適否終了", "プレwgを終了", "wgを終了", "適否を終了"]);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await loader.LoadForSecretariatAsync(turn, nameof(Strings.CloseStage_NotSecretariat), cancellationToken) is not var (context, secretariat))
        {
            return null;
        }

        var (stage, subcommittees) = OpenStageParser.ParseClose(turn.UserText);
        if (stage is null || subcommittees.Count == 0)
        {
            await turn.SendTextAsync(turn.Text[nameof(Strings.CloseStage_Usage)], cancellationToken);
            return null;
        }

        var japanese = turn.Text.IsJapanese;
        var closed = await stages.CloseAsync(context.ReviewId, secretariat, stage.Value, subcommittees, cancellationToken);
        await turn.SendTextAsync(closed.Count == 0
            ? turn.Text.Format(nameof(Strings.CloseStage_NothingOpen), stage.Value.Name(japanese))
            : turn.Text.Format(nameof(Strings.CloseStage_Closed), stage.Value.Name(japanese), string.Join(japanese ? "、" : ", ", closed.Select(s => s.Name(japanese)))),
            cancellationToken);
        return null;
    }
}
