using System.Globalization;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Import;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.Cli;

/// <summary>
/// <c>import --tasks FILE [--members FILE] [--review ID] [--name NAME] [--lang en]</c>: validates the files completely;
/// on any error prints every error (row, column) and imports nothing (exit 2); otherwise publishes the new generation
/// atomically. Re-importing the same content changes nothing.
/// </summary>
public sealed class ImportCommand(ReviewCatalog catalog, ReviewRepository repository, ReviewImportWriter writer, TimeProvider time, TextWriter output)
{
    public const string DefaultReviewId = "main";

    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var unknown = args.Unknown("tasks", "members", "review", "name", "lang").ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException("unknown option --" + unknown[0]);
        }

        var culture = args.Get("lang") is { } lang && lang.StartsWith("en", StringComparison.OrdinalIgnoreCase)
            ? CultureInfo.GetCultureInfo("en-US") : CultureInfo.GetCultureInfo("ja-JP");
        var japanese = culture.TwoLetterISOLanguageName == "ja";
        var tasksPath = args.Require("tasks");
        var membersPath = args.Get("members");
        var reviewId = args.Get("review") ?? await catalog.GetActiveReviewIdAsync(cancellationToken) ?? DefaultReviewId;

        var known = (await repository.GetMembersAsync(reviewId, cancellationToken)).Select(m => m.Email).ToHashSet(StringComparer.Ordinal);
        ImportResult result;
        await using (var tasks = OpenOrFail(tasksPath))
        await using (var members = membersPath is null ? null : OpenOrFail(membersPath))
        {
            result = ReviewFileImporter.Read(tasks, Path.GetFileName(tasksPath), members, membersPath is null ? null : Path.GetFileName(membersPath), known, culture);
        }

        if (!result.IsValid)
        {
            await output.WriteLineAsync(japanese
                ? $"取り込みを中止しました（{result.Errors.Count}件のエラー）。何も保存していません。"
                : $"Import refused ({result.Errors.Count} errors). Nothing was stored.");
            foreach (var error in result.Errors)
            {
                await output.WriteLineAsync($"  {(string.IsNullOrEmpty(error.File) ? "" : error.File + ": ")}{error.Message}");
            }

            return 2;
        }

        var name = args.Get("name") ?? (await catalog.GetReviewAsync(reviewId, cancellationToken))?.Name ?? "区役所業務集約化等の検討";
        var outcome = await writer.WriteAsync(reviewId, name, result.Tasks, membersPath is null ? null : result.Members, isDemo: false, time.GetUtcNow(), cancellationToken);
        if (await catalog.GetActiveReviewIdAsync(cancellationToken) is null)
        {
            await catalog.SetActiveReviewAsync(reviewId, cancellationToken);
        }

        await output.WriteLineAsync(outcome switch
        {
            ImportWriteOutcome.Imported when japanese => $"取り込みました: 事務 {result.Tasks.Count}件、メンバー {result.Members.Count}件（検討 {reviewId}）。",
            ImportWriteOutcome.Imported => $"Imported {result.Tasks.Count} tasks and {result.Members.Count} members into review {reviewId}.",
            ImportWriteOutcome.Unchanged when japanese => $"変更はありません: 同じ内容がすでに取り込まれています（検討 {reviewId}）。",
            ImportWriteOutcome.Unchanged => $"Nothing changed: the same content is already imported (review {reviewId}).",
            _ when japanese => "別の取り込みが先に完了したため、この取り込みは反映していません。もう一度実行してください。",
            _ => "Another import finished first; this one was not applied. Run it again.",
        });
        return outcome == ImportWriteOutcome.LostRace ? 3 : 0;
    }

    private static FileStream OpenOrFail(string path) =>
        File.Exists(path) ? File.OpenRead(path) : throw new CliUsageException($"file not found: {path}");
}
