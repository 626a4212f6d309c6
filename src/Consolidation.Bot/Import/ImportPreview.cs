namespace Consolidation.Bot.Import;

/// <summary>What an import would change in the review as it stands (definitions compared by value; states are never touched).</summary>
public sealed record ImportChanges(int AddedTasks, int ChangedTasks, int RemovedTasks, int AddedMembers, int ChangedMembers, int RemovedMembers)
{
    public bool IsEmpty => AddedTasks + ChangedTasks + RemovedTasks + AddedMembers + ChangedMembers + RemovedMembers == 0;
}

/// <summary>
/// A validated import not yet stored: the files' rows or their errors, what would change, and a fingerprint of the
/// files' bytes so the confirmation stores exactly the files that were previewed.
/// </summary>
public sealed record ImportPreview(ImportResult Result, ImportChanges Changes, bool MembersIncluded, string Fingerprint);
