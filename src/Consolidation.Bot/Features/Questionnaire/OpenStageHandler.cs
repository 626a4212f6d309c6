using Consolidation.Bot.Domain;
using Consolidation.Bot.Hosting;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review;
using Consolidation.Bot.Routing;
using Consolidation.Bot.Routing.Commands;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Features.Questionnaire;

/// <summary>
/// <c>open prewg 福祉・健康部会 2026-12-20</c> / <c>open prewg all 2026-12-20 batch</c> / <c>プレWG開始 福祉 12月20日 一括</c>: the
/// secretariat opens a stage (for プレWG with the batch or the detailed card); each assignee with unanswered tasks there gets their first card through the outbox. Cut off half-way
/// (a restart, the turn timeout), the opening is resumable: the windows and task states are stored first, and the
/// members whose card was not queued are found owed one by the sweep (<see cref="NextCardSweeper"/>).
/// </summary>
public sealed class OpenStageHandler(
    IActiveReviewLoader loader,
    IStageAdministration stages,
    IOptions<ReviewOptions> review,
    TimeProvider time) : ITurnHandler
{
    public const string CommandName = "openStage";

    public static readonly CommandDefinition Command = new(CommandName,
        ["open", "プレwg開始", "プレwgを開始", "wg開始", "wgを開始", "適否開始", "適否を開始", "適否検討開始"]);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await loader.LoadForSecretariatAsync(turn, nameof(Strings.OpenStage_NotSecretariat), cancellationToken) is not var (context, secretariat))
        {
            return null;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(review.Value.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var (request, error) = OpenStageParser.Parse(turn.UserText, today);
        if (request is null)
        {
            var problem = turn.Text[$"OpenStage_{error}"];
            await turn.SendTextAsync(problem + "\n" + turn.Text[nameof(Strings.OpenStage_Usage)], cancellationToken);
            return null;
        }

        var deadline = request.DeadlineIn(zone);
        var opened = await stages.OpenAsync(context.ReviewId, secretariat, request.Stage, request.Subcommittees, deadline, request.Mode, turn.TenantId, cancellationToken);
        await turn.SendTextAsync(OpenedText(opened, zone, turn.Text), cancellationToken);
        return null;
    }

    /// <summary>The reply to an opening, in chat and on the tab: the stage, the deadline, the tasks and who gets which card.</summary>
    public static string OpenedText(StageOpening opened, TimeZoneInfo zone, BotText text)
    {
        var japanese = text.IsJapanese;
        var list = string.Join(japanese ? "、" : ", ", opened.Subcommittees.Select(s => $"{s.Subcommittee.Name(japanese)} {s.Tasks}"));
        var deadline = Cards.Questionnaire.CardText.DateTime(opened.Deadline, zone, text);
        return opened.CardMode == PreWgCardMode.Batch
            ? text.Format(nameof(Strings.OpenStage_OpenedBatch), opened.Stage.Name(japanese), deadline, list, opened.Assignees.Count, BatchCardFields.MaxRows)
            : text.Format(nameof(Strings.OpenStage_Opened), opened.Stage.Name(japanese), deadline, list, opened.Assignees.Count);
    }
}
