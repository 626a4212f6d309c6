using System.Globalization;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Hosting;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Outbox;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Review;

/// <summary>
/// The secretariat opens a stage (and every assignee with a task there is queued their first card) or closes one: the
/// same for the chat commands and the tab. The windows and task states are <see cref="StageOpeningService"/>'s.
/// </summary>
public sealed class StageAdministration(StageOpeningService opening, NextCardRequests cards, AuditLog audit, TimeProvider time, IOptions<ReviewOptions> review)
    : IStageAdministration
{
    /// <param name="mode">The プレWG card the secretariat chose for this opening; null → <c>Review:PreWgMode</c>.</param>
    public async Task<StageOpening> OpenAsync(string reviewId, Member actor, Stage stage, IReadOnlyList<Subcommittee> subcommittees, DateTimeOffset deadline,
        PreWgCardMode? mode, string? tenantId, CancellationToken cancellationToken)
    {
        var opened = await opening.OpenAsync(reviewId, actor, stage, subcommittees, deadline, mode ?? review.Value.PreWgMode, cancellationToken);
        var local = TimeZoneInfo.ConvertTime(opened.Deadline, review.Value.Zone);
        await audit.AppendAsync(reviewId, new AuditEntry(AuditKind.StageOpened, actor.Email, time.GetUtcNow(),
            $"{string.Join("、", opened.Subcommittees.Select(s => $"{s.Subcommittee.Name(japanese: true)} {s.Tasks}件"))}（期限 {local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}）{(opened.CardMode == PreWgCardMode.Batch ? "、一括カード" : "")}", stage), cancellationToken);
        await cards.QueueAsync(reviewId, opened.Assignees, actor, tenantId, cancellationToken);
        return opened;
    }

    public async Task<IReadOnlyList<Subcommittee>> CloseAsync(string reviewId, Member actor, Stage stage, IReadOnlyList<Subcommittee> subcommittees, CancellationToken cancellationToken)
    {
        var closed = await opening.CloseAsync(reviewId, actor, stage, subcommittees, cancellationToken);
        if (closed.Count > 0)
        {
            await audit.AppendAsync(reviewId, new AuditEntry(AuditKind.StageClosed, actor.Email, time.GetUtcNow(),
                string.Join("、", closed.Select(s => s.Name(japanese: true))), stage), cancellationToken);
        }

        return closed;
    }
}
