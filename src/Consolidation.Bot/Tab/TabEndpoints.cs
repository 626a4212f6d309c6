using System.Diagnostics;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Hosting;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Tab.Views;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Tab;

/// <summary>
/// The tab's routes: <c>/tab</c> (the page; its script signs in with Teams SSO) and the views it loads with the token,
/// each rendered on the server as an HTML fragment for the signed-in person's scope.
/// </summary>
internal static class TabEndpoints
{
    public static IEndpointRouteBuilder MapTabRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tab", TabAssets.Page);
        app.MapGet("/tab/configure", TabAssets.ConfigurePage);
        app.MapGet("/tab/assets/{name}", TabAssets.Asset);
        var views = app.MapGroup("/tab/api");
        views.MapGet("/dashboard", DashboardAsync);
        views.MapGet("/tasks", SearchAsync);
        views.MapGet("/export", TabExportEndpoint.ExportAsync);
        views.MapPost("/stages/open", TabStageEndpoints.OpenAsync);
        views.MapPost("/import", TabImportEndpoint.ImportAsync)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(TabImportEndpoint.MaxRequestBytes));
        views.MapPost("/stages/close", TabStageEndpoints.CloseAsync);
        views.MapPost("/remind", TabStageEndpoints.RemindAsync);
        views.MapPost("/revisit", TabStageEndpoints.RevisitAsync);
        views.MapPost("/council", TabCouncilEndpoint.RegisterAsync);
        views.MapGet("/tasks/{id}", TabTaskEndpoints.RecordAsync);
        views.MapPost("/tasks/{id}/reassign", TabTaskEndpoints.ReassignAsync);
        views.MapPost("/tasks/{id}/reopen", TabTaskEndpoints.ReopenAsync);
        views.MapPost("/tasks/{id}/override", TabTaskEndpoints.OverrideAsync);
        return app;
    }

    private static Task<IResult> DashboardAsync(HttpContext http, TabSignIn signIn, MemberCursorStore cursors, AuditLog audit, Conversations.ConversationReferenceStore references, Scheduling.ScheduleTenants tenants, TimeProvider time, IOptions<ReviewOptions> review, ILogger<TabSignIn> logger, CancellationToken cancellationToken) =>
        ServeAsync(http, signIn, logger, "dashboard", async (session, text) =>
        {
            var unreachable = session.Scope.PeopleOf.Count == 0 ? [] : await cursors.ListUnreachableAsync(session.Snapshot.ReviewId, cancellationToken);
            var trail = session.Scope.SeesEverything ? await audit.ListAsync(session.Snapshot.ReviewId, cancellationToken) : [];
            var model = DashboardModel.Build(session.Snapshot, session.Scope, unreachable, trail, time.GetUtcNow(), text);
            var council = await TabCouncilEndpoint.ChannelsAsync(session, references, tenants, cancellationToken);
            return View<DashboardView>(new { Model = model, Text = text, Zone = review.Value.Zone, Council = council });
        }, cancellationToken);

    private static Task<IResult> SearchAsync(HttpContext http, TabSignIn signIn, ILogger<TabSignIn> logger, CancellationToken cancellationToken) =>
        ServeAsync(http, signIn, logger, "search", (session, text) =>
        {
            var (found, more) = TaskSearch.Find(session.Snapshot.Tasks, http.Request.Query["q"].FirstOrDefault(), session.Scope);
            return Task.FromResult<IResult>(View<TaskSearchView>(new { Found = found, More = more, Text = text }));
        }, cancellationToken);

    /// <summary>Signs in, then renders; a refusal is a short message with its status (401 with a Bearer challenge, 403).</summary>
    internal static async Task<IResult> ServeAsync(HttpContext http, TabSignIn signIn, ILogger logger, string view, Func<TabSession, BotText, Task<IResult>> render, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var text = TabSignIn.TextFor(http.Request);
        http.Response.Headers.CacheControl = "no-store";
        var (session, refusal) = await signIn.SignInAsync(http, cancellationToken);
        switch (refusal)
        {
            case TabRefusal.NotSignedIn:
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return Message(text[nameof(Strings.Tab_NotSignedIn)], "not-signed-in", StatusCodes.Status401Unauthorized);
            case TabRefusal.NotMember:
                return Message(text[nameof(Strings.Tab_NotMember)], "not-member", StatusCodes.Status403Forbidden);
            case TabRefusal.NoReview:
                return Message(text[nameof(Strings.Tab_NoReview)], "no-review", StatusCodes.Status200OK);
        }

        var result = await render(session!, text);
        Log.TabServed(logger, view, MemberKey.Of(session!.Scope.Member.Email), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    /// <summary>
    /// A secretariat action: signed in, then anyone but the secretariat (by Entra object id) refused with 403 and the
    /// sentence <paramref name="refusalKey"/>, nothing read from the form; then <paramref name="act"/> with the form.
    /// </summary>
    internal static Task<IResult> ActAsync(HttpContext http, TabSignIn signIn, ILogger logger, string view, string refusalKey,
        Func<TabSession, IFormCollection, BotText, Task<IResult>> act, CancellationToken cancellationToken) =>
        ServeAsync(http, signIn, logger, view, async (session, text) =>
        {
            if (!session.Scope.CanAct)
            {
                return Message(text[refusalKey], "not-secretariat", StatusCodes.Status403Forbidden);
            }

            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
            return await act(session, form, text);
        }, cancellationToken);

    internal static RazorComponentResult<TComponent> View<TComponent>(object parameters)
        where TComponent : Microsoft.AspNetCore.Components.IComponent => new(parameters);

    /// <summary>An action done: its sentence, 200.</summary>
    internal static RazorComponentResult<MessageView> Done(string message) => Message(message, "done", StatusCodes.Status200OK);

    /// <summary>
    /// A well-formed request the rules refuse (the form's values were wrong, nothing to close): 200 with the reason, since
    /// the request itself was understood; nothing was changed.
    /// </summary>
    internal static RazorComponentResult<MessageView> Refused(string message) => Message(message, "refused", StatusCodes.Status200OK);

    internal static RazorComponentResult<MessageView> Message(string message, string kind, int status) =>
        new RazorComponentResult<MessageView>(new { Message = message, Kind = kind }) { StatusCode = status };
}
