using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Administration;
using Consolidation.Bot.Hosting;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Tab.Views;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Tab;

/// <summary>
/// One task on the tab: its record and history, and the secretariat's reassign and send-back through
/// <see cref="TaskAdministration"/> (the chat commands' service), answered with the record as it now stands.
/// </summary>
internal static class TabTaskEndpoints
{
    public static Task<IResult> RecordAsync(string id, HttpContext http, TabSignIn signIn, ReviewRepository repository, IOptions<ReviewOptions> review, ILogger<TabSignIn> logger, CancellationToken cancellationToken) =>
        TabEndpoints.ServeAsync(http, signIn, logger, "task", (session, text) =>
            RenderAsync(session, text, id, repository, review.Value.Zone, null, false, cancellationToken), cancellationToken);

    public static Task<IResult> ReassignAsync(string id, HttpContext http, TabSignIn signIn, ITaskAdministration administration, ReviewRepository repository, IOptions<ReviewOptions> review, ILogger<TabSignIn> logger, CancellationToken cancellationToken) =>
        ActAsync(http, signIn, logger, "reassign", nameof(Strings.Admin_NotSecretariat), id, repository, review.Value.Zone, async (session, form) =>
        {
            var assignee = form["assignee"].ToString();
            var result = await administration.ReassignAsync(session.Snapshot.ReviewId, session.Scope.Member, id, assignee, ParseStage(form["stage"]), form["reason"].ToString(), session.TenantId, cancellationToken);
            return (result, assignee, null, AdministrationKind.Other);
        }, cancellationToken);

    public static Task<IResult> ReopenAsync(string id, HttpContext http, TabSignIn signIn, ITaskAdministration administration, ReviewRepository repository, IOptions<ReviewOptions> review, ILogger<TabSignIn> logger, CancellationToken cancellationToken) =>
        ActAsync(http, signIn, logger, "reopen", nameof(Strings.Admin_NotSecretariat), id, repository, review.Value.Zone, async (session, form) =>
        {
            var reason = form["reason"].ToString().Trim();
            var result = await administration.ReopenAsync(session.Snapshot.ReviewId, session.Scope.Member, id, ParseStage(form["stage"]), reason, session.TenantId, cancellationToken);
            return (result, "", reason, AdministrationKind.Other);
        }, cancellationToken);

    public static Task<IResult> OverrideAsync(string id, HttpContext http, TabSignIn signIn, ITaskAdministration administration, ReviewRepository repository, IOptions<ReviewOptions> review, ILogger<TabSignIn> logger, CancellationToken cancellationToken) =>
        ActAsync(http, signIn, logger, "override", nameof(Strings.Override_NotSecretariat), id, repository, review.Value.Zone, async (session, form) =>
        {
            var request = OverrideFrom(form);
            var result = request is null
                ? new TaskAdministrationResult(TaskAdministrationOutcome.NotApplicable, Stage: Stage.PreWg)
                : await administration.OverrideAsync(session.Snapshot.ReviewId, session.Scope.Member, id, request, session.TenantId, cancellationToken);
            return (result, "", request?.Reason?.Trim(), AdministrationKind.Override);
        }, cancellationToken);

    /// <summary>The override form: <c>decision</c> is <c>Stage:Decision</c> (e.g. <c>PreWg:Exclude</c>).</summary>
    private static OverrideRequest? OverrideFrom(IFormCollection form)
    {
        var parts = form["decision"].ToString().Split(':');
        if (parts.Length != 2 || ParseStage(parts[0]) is not { } stage)
        {
            return null;
        }

        RevisitTrigger? trigger = Enum.TryParse<RevisitTrigger>(form["trigger"].ToString(), out var t) && Enum.IsDefined(t) ? t : null;
        DateOnly? date = DateOnly.TryParseExact(form["revisitDate"].ToString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var d) ? d : null;
        return new OverrideRequest(stage, parts[1], form["answerReason"].ToString(), trigger, date, form["reason"].ToString());
    }

    /// <summary>A secretariat action on the task (<see cref="TabEndpoints.ActAsync"/>), answered with the record as it now stands.</summary>
    private static Task<IResult> ActAsync(HttpContext http, TabSignIn signIn, ILogger logger, string view, string refusalKey, string id, ReviewRepository repository, TimeZoneInfo zone,
        Func<TabSession, IFormCollection, Task<(TaskAdministrationResult Result, string Asked, string? Reason, AdministrationKind Kind)>> act, CancellationToken cancellationToken) =>
        TabEndpoints.ActAsync(http, signIn, logger, view, refusalKey, async (session, form, text) =>
        {
            var (result, asked, reason, kind) = await act(session, form);
            var notice = AdministrationReplies.For(result, id, asked, reason, text, kind);
            var fresh = session with { Snapshot = await repository.LoadAsync(session.Snapshot.ReviewId, cancellationToken) ?? session.Snapshot };
            return await RenderAsync(fresh, text, id, repository, zone, notice, result.Succeeded, cancellationToken);
        }, cancellationToken);

    private static async Task<IResult> RenderAsync(TabSession session, BotText text, string id, ReviewRepository repository, TimeZoneInfo zone, string? notice, bool succeeded, CancellationToken cancellationToken)
    {
        var task = session.Snapshot.Tasks.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));
        if (task is null || !session.Scope.MaySee(task))
        {
            // Not found and not yours read the same, so ids cannot be probed.
            return TabEndpoints.Message(text.Format(nameof(Strings.Tab_TaskNotFound), id.Length > 40 ? id[..40] : id), "not-found", StatusCodes.Status404NotFound);
        }

        var history = await repository.GetHistoryAsync(session.Snapshot.ReviewId, task.Id, cancellationToken);
        var assignee = task.AssigneeFor(task.State.Stage);
        return TabEndpoints.View<TaskRecordView>(new
        {
            Task = task,
            Assignee = session.Snapshot.NameOf(assignee),
            History = history.Select(h => Named(h, session.Snapshot)).ToList(),
            Text = text,
            Zone = zone,
            CanAct = session.Scope.CanAct,
            Members = session.Snapshot.Members,
            Notice = notice,
            Succeeded = succeeded,
        });
    }

    /// <summary>The entry with people by name, as the chat shows them (the export keeps the emails).</summary>
    private static HistoryEntry Named(HistoryEntry entry, ReviewSnapshot snapshot) => entry with
    {
        By = snapshot.NameOf(entry.By),
        AssigneeFrom = entry.AssigneeFrom is { } from ? snapshot.NameOf(from) : null,
        AssigneeTo = entry.AssigneeTo is { } to ? snapshot.NameOf(to) : null,
    };

    private static Stage? ParseStage(string? value) =>
        Enum.TryParse<Stage>(value, ignoreCase: false, out var stage) && Stages.Screening.Contains(stage) ? stage : null;
}
