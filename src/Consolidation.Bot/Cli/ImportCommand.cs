using System.Globalization;
using Consolidation.Bot.Import;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.Cli;

/// <summary>
/// <c>import --tasks FILE [--members FILE] [--review ID] [--name NAME] [--lang en]</c>: validates the files completely;
/// on any error prints every error (row, column) and imports nothing (exit 2); otherwise publishes the new generation
/// atomically. Re-importing the same content changes nothing.
/// </summary>
public sealed class ImportCommand(ReviewImportService import, TextWriter output)
{
    public const string DefaultReviewId = ReviewImportService.DefaultReviewId;

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
        var tasks = await ReadOrFailAsync(args.Require("tasks"), cancellationToken);
        var members = args.Get("members") is { } membersPath ? await ReadOrFailAsync(membersPath, cancellationToken) : null;
        var reviewId = await import.TargetAsync(args.Get("review"), cancellationToken);

        var preview = await import.PreviewAsync(reviewId, tasks, members, culture, cancellationToken);
        var result = preview.Result;
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

        var outcome = await import.ApplyAsync(reviewId, args.Get("name"), preview, Domain.AuditEntry.CommandLine, cancellationToken);
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

    private static async Task<ImportFile> ReadOrFailAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"file not found: {path}");
        }

        // The readers refuse a file over the limit with a row-0 error; reading one byte more is enough to show it is.
        await using var file = File.OpenRead(path);
        var content = new byte[Math.Min(file.Length, ImportLimits.MaxFileBytes + 1)];
        await file.ReadExactlyAsync(content, cancellationToken);
        return new ImportFile(Path.GetFileName(path), content);
    }
}
