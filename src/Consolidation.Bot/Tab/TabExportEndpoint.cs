using Consolidation.Bot.Export;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Tab;

/// <summary>
/// <c>GET /tab/api/export</c>: the workbook of the command line's <c>export</c>, for those who see everything (the
/// secretariat and the overall summing-up); the tab's script saves it under the file name given here.
/// </summary>
internal static class TabExportEndpoint
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static Task<IResult> ExportAsync(HttpContext http, TabSignIn signIn, ReviewExporter exporter, TimeProvider time, Microsoft.Extensions.Options.IOptions<Hosting.ReviewOptions> review, ILogger<TabSignIn> logger, CancellationToken cancellationToken) =>
        TabEndpoints.ServeAsync(http, signIn, logger, "export", async (session, text) =>
        {
            if (!session.Scope.SeesEverything)
            {
                return TabEndpoints.Message(text[nameof(Strings.Export_NotAllowed)], "not-allowed", StatusCodes.Status403Forbidden);
            }

            var workbook = new MemoryStream();
            await exporter.WriteAsync(session.Snapshot.ReviewId, workbook, cancellationToken);
            var today = TimeZoneInfo.ConvertTime(time.GetUtcNow(), review.Value.Zone);
            return Results.File(workbook.ToArray(), ContentType, text.Format(nameof(Strings.Tab_ExportFileName), today));
        }, cancellationToken);
}
