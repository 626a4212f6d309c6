using System.Globalization;
using System.Security.Cryptography;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.Import;

/// <summary>
/// Importing a task file (and optionally a members file) into a review, the same for the command line and the tab:
/// read and validate everything (every row error, nothing stored on any), show what would change, then publish the new
/// generation atomically (<see cref="ReviewImportWriter"/>) and make the review active if none is.
/// </summary>
public sealed class ReviewImportService(ReviewCatalog catalog, ReviewRepository repository, ReviewImportWriter writer, AuditLog audit, TimeProvider time)
{
    public const string DefaultReviewId = "main";
    public const string DefaultName = "区役所業務集約化等の検討";

    /// <summary>The review an import goes to: the one asked for, else the active one, else <see cref="DefaultReviewId"/>.</summary>
    public async Task<string> TargetAsync(string? reviewId, CancellationToken cancellationToken) =>
        reviewId ?? await catalog.GetActiveReviewIdAsync(cancellationToken) ?? DefaultReviewId;

    /// <summary>Validates the files and compares them with the review; stores nothing.</summary>
    public async Task<ImportPreview> PreviewAsync(string reviewId, ImportFile tasks, ImportFile? members, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var current = await repository.LoadAsync(reviewId, cancellationToken);
        var known = (current?.Members ?? []).Select(m => m.Email).ToHashSet(StringComparer.Ordinal);
        var result = ReviewFileImporter.Read(new MemoryStream(tasks.Content), tasks.Name,
            members is null ? null : new MemoryStream(members.Content), members?.Name, known, culture);
        var changes = result.IsValid ? Compare(current?.Tasks.Select(t => t.Definition).ToList() ?? [], current?.Members ?? [], result, members is not null) : new ImportChanges(0, 0, 0, 0, 0, 0);
        return new ImportPreview(result, changes, members is not null, Fingerprint(tasks, members));
    }

    /// <summary>
    /// Publishes a valid preview's rows (the members kept as they are when no members file was given); an import that
    /// changed something is written to the audit trail as done <paramref name="by"/>.
    /// </summary>
    public async Task<ImportWriteOutcome> ApplyAsync(string reviewId, string? name, ImportPreview preview, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(preview);
        if (!preview.Result.IsValid)
        {
            throw new InvalidOperationException("An import with errors is never stored.");
        }

        var reviewName = name ?? (await catalog.GetReviewAsync(reviewId, cancellationToken))?.Name ?? DefaultName;
        var outcome = await writer.WriteAsync(reviewId, reviewName, preview.Result.Tasks, preview.MembersIncluded ? preview.Result.Members : null,
            isDemo: false, time.GetUtcNow(), cancellationToken);
        if (await catalog.GetActiveReviewIdAsync(cancellationToken) is null)
        {
            await catalog.SetActiveReviewAsync(reviewId, cancellationToken);
        }

        if (outcome == ImportWriteOutcome.Imported)
        {
            var c = preview.Changes;
            var members = preview.MembersIncluded ? $"名簿 {preview.Result.Members.Count}人（追加 {c.AddedMembers}・変更 {c.ChangedMembers}・削除 {c.RemovedMembers}）" : "名簿は変更なし";
            await audit.AppendAsync(reviewId, new AuditEntry(AuditKind.Imported, by, time.GetUtcNow(),
                $"事務 {preview.Result.Tasks.Count}件（追加 {c.AddedTasks}・変更 {c.ChangedTasks}・削除 {c.RemovedTasks}）、{members}"), cancellationToken);
        }

        return outcome;
    }

    private static ImportChanges Compare(IReadOnlyList<TaskDefinition> oldTasks, IReadOnlyList<Member> oldMembers, ImportResult result, bool membersIncluded)
    {
        var before = oldTasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var after = result.Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var beforeMembers = oldMembers.ToDictionary(m => m.Email, StringComparer.Ordinal);
        var afterMembers = membersIncluded ? result.Members.ToDictionary(m => m.Email, StringComparer.Ordinal) : beforeMembers;
        return new ImportChanges(
            after.Keys.Count(id => !before.ContainsKey(id)),
            after.Count(kv => before.TryGetValue(kv.Key, out var old) && !old.Equals(kv.Value)),
            before.Keys.Count(id => !after.ContainsKey(id)),
            afterMembers.Keys.Count(e => !beforeMembers.ContainsKey(e)),
            afterMembers.Count(kv => beforeMembers.TryGetValue(kv.Key, out var old) && !old.Equals(kv.Value)),
            beforeMembers.Keys.Count(e => !afterMembers.ContainsKey(e)));
    }

    private static string Fingerprint(ImportFile tasks, ImportFile? members)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(tasks.Content);
        hash.AppendData(BitConverter.GetBytes(members?.Content.Length ?? -1));
        if (members is not null)
        {
            hash.AppendData(members.Content);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }
}
