using Consolidation.Bot.Import;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Tab.Views;

namespace Consolidation.Bot.Tab;

/// <summary>
/// <c>POST /tab/api/import</c>: the secretariat's upload, through <see cref="ReviewImportService"/> (the command line's
/// import). Without <c>confirm</c> it only checks: every error with file, row and column, or what would change. With
/// <c>confirm</c> (the fingerprint the check showed) it stores the same files, re-checked, and nothing if they differ.
/// </summary>
internal static class TabImportEndpoint
{
    /// <summary>Two files at the import limit, and the form around them.</summary>
    public const long MaxRequestBytes = 2 * ImportLimits.MaxFileBytes + 1024 * 1024;

    public static Task<IResult> ImportAsync(HttpContext http, TabSignIn signIn, ReviewImportService import, ILogger<TabSignIn> logger, CancellationToken cancellationToken) =>
        TabEndpoints.ActAsync(http, signIn, logger, "import", nameof(Strings.Import_NotSecretariat), async (session, form, text) =>
        {
            var tasksFile = form.Files.GetFile("tasks");
            var membersFile = form.Files.GetFile("members") is { Length: > 0 } m ? m : null;
            if (tasksFile is not { Length: > 0 })
            {
                return TabEndpoints.Refused(text[nameof(Strings.Tab_ImportNoFile)]);
            }

            if (tasksFile.Length > ImportLimits.MaxFileBytes || membersFile?.Length > ImportLimits.MaxFileBytes)
            {
                return TabEndpoints.Refused(text.Format(nameof(Strings.Tab_ImportTooLarge), ImportLimits.MaxFileBytes / (1024 * 1024)));
            }

            var reviewId = session.Snapshot.ReviewId;
            var preview = await import.PreviewAsync(reviewId, await ReadAsync(tasksFile, cancellationToken),
                membersFile is null ? null : await ReadAsync(membersFile, cancellationToken), text.Culture, cancellationToken);
            var confirm = form["confirm"].ToString();
            if (confirm.Length == 0 || !preview.Result.IsValid)
            {
                return TabEndpoints.View<ImportPreviewView>(new { Preview = preview, Text = text });
            }

            if (!string.Equals(confirm, preview.Fingerprint, StringComparison.Ordinal))
            {
                return TabEndpoints.Refused(text[nameof(Strings.Tab_ImportChangedSinceCheck)]);
            }

            var outcome = await import.ApplyAsync(reviewId, null, preview, session.Scope.Member.Email, cancellationToken);
            return outcome switch
            {
                ImportWriteOutcome.Imported => TabEndpoints.Message(text.Format(nameof(Strings.Tab_ImportDone), preview.Result.Tasks.Count,
                    preview.MembersIncluded ? preview.Result.Members.Count : session.Snapshot.Members.Count), "imported", StatusCodes.Status200OK),
                ImportWriteOutcome.Unchanged => TabEndpoints.Message(text[nameof(Strings.Tab_ImportUnchanged)], "unchanged", StatusCodes.Status200OK),
                _ => TabEndpoints.Refused(text[nameof(Strings.Tab_ImportLostRace)]),
            };
        }, cancellationToken);

    private static async Task<ImportFile> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream((int)file.Length);
        await file.CopyToAsync(copy, cancellationToken);
        return new ImportFile(Path.GetFileName(file.FileName), copy.ToArray());
    }
}
