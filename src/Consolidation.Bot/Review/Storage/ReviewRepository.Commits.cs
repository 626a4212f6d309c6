using Azure;
using Azure.Data.Tables;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.Review.Storage;

/// <summary>Task changes: one task's state and history in one transaction (grouped with others), many at once, a seed.</summary>
public sealed partial class ReviewRepository
{
    /// <summary>
    /// True when this very answer, by <paramref name="email"/> to card <paramref name="cardVersion"/> of the task, is
    /// stored: Teams redelivered it. Its history row says so: an answer moves the version by one and each version has one
    /// history row, so the row of version <paramref name="cardVersion"/> + 1 is this answer's when it is an answer by this
    /// member from this card saying the same (another click with other values, or the same task answered on another
    /// card, is a different submission: stale). No marker row of its own: an answer writes two rows, not three.
    /// </summary>
    public async Task<bool> IsAnswerStoredAsync(string reviewId, string taskId, int cardVersion, string email, StageAnswer answer, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<HistoryEntity>(ReviewKeys.StatePartition(reviewId), ReviewKeys.HistoryRow(taskId, cardVersion + 1), cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.Kind == nameof(HistoryKind.Answer) && row.Value.CardVersion == cardVersion
            && string.Equals(Member.NormalizeEmail(row.Value.By), Member.NormalizeEmail(email), StringComparison.Ordinal)
            && string.Equals(row.Value.Answer, ReviewEntityMapper.AnswerJson(answer), StringComparison.Ordinal);
    }

    /// <summary>Commits one task change atomically (state + history).</summary>
    /// <remarks><paramref name="alongside"/>: one more row of the same partition written in the same transaction.</remarks>
    public async Task<CommitOutcome> CommitAsync(string reviewId, StoredTask before, TaskState after, HistoryEntry entry, CancellationToken cancellationToken, TableTransactionAction? alongside = null)
    {
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var partition = ReviewKeys.StatePartition(reviewId);
        var actions = new List<TableTransactionAction>(4);
        AddChange(actions, partition, before, after, entry);
        if (alongside is not null)
        {
            actions.Add(alongside);
        }

        // Concurrent answers are grouped into one transaction (each still all-or-nothing): see TransactionBatcher.
        var outcome = await _batcher.SubmitAsync(table, actions, cancellationToken);
        if (outcome.IsCommitted)
        {
            CacheOf(reviewId).Offer(after, outcome.ETags.Count > 0 ? outcome.ETags[0] : null);
            if (entry.Kind is not (HistoryKind.Answer or HistoryKind.BureauView))
            {
                // Overrides and re-openings can make a task open again: other instances re-read (answers only close tasks).
                await catalog.TouchAsync(reviewId, cancellationToken);
            }
        }

        return outcome switch
        {
            { IsCommitted: true } => CommitOutcome.Committed,
            { FailedStatus: 409 or 412 } => CommitOutcome.Conflict,
            _ => throw outcome.Failure!,
        };
    }

    /// <summary>The row that records <paramref name="taskId"/> as reassigned to <paramref name="email"/>, to commit with the change.</summary>
    public async Task<TableTransactionAction> ReassignmentRowAsync(string reviewId, string email, string taskId, CancellationToken cancellationToken) =>
        await ReassignmentIndex.AddActionAsync(await tables.GetAsync(TableNames.ReviewData, cancellationToken), reviewId, email, taskId, cancellationToken);

    /// <summary>Commits many task changes, each with its history entry, in transactions of up to 50 tasks; all in one partition.</summary>
    public async Task CommitManyAsync(string reviewId, IReadOnlyList<(StoredTask Before, TaskState After, HistoryEntry Entry)> changes, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var partition = ReviewKeys.StatePartition(reviewId);
        foreach (var chunk in changes.Chunk(50))
        {
            var actions = new List<TableTransactionAction>(chunk.Length * 2);
            foreach (var (before, after, entry) in chunk)
            {
                AddChange(actions, partition, before, after, entry);
            }

            await TableTransactions.SubmitAsync(table, actions, cancellationToken);
        }

        await catalog.TouchAsync(reviewId, cancellationToken);
    }

    /// <summary>
    /// Writes the states and history of a review that has none yet (the demo's seeded answers): each task's rows stay
    /// in one transaction, transactions hold up to 100 rows, all in the review's partition.
    /// </summary>
    public async Task SeedAsync(string reviewId, IReadOnlyList<(TaskState State, IReadOnlyList<HistoryEntry> History)> tasks, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var partition = ReviewKeys.StatePartition(reviewId);
        var batch = new List<TableTransactionAction>(TableTransactions.MaxActions);
        foreach (var (state, history) in tasks)
        {
            var rows = history.Select(h => (ITableEntity)ReviewEntityMapper.ToEntity(h, partition))
                .Prepend(ReviewEntityMapper.ToEntity(state, partition))
                .Select(e => new TableTransactionAction(TableTransactionActionType.Add, e))
                .ToList();
            if (batch.Count + rows.Count > TableTransactions.MaxActions)
            {
                await TableTransactions.SubmitAsync(table, batch, cancellationToken);
                batch = new List<TableTransactionAction>(TableTransactions.MaxActions);
            }

            batch.AddRange(rows);
        }

        if (batch.Count > 0)
        {
            await TableTransactions.SubmitAsync(table, batch, cancellationToken);
        }

        await catalog.TouchAsync(reviewId, cancellationToken);
    }

    private static void AddChange(List<TableTransactionAction> actions, string partition, StoredTask before, TaskState after, HistoryEntry entry)
    {
        var state = ReviewEntityMapper.ToEntity(after, partition);
        actions.Add(before.StateETag is { } etag
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, state, etag)
            : new TableTransactionAction(TableTransactionActionType.Add, state));
        actions.Add(new TableTransactionAction(TableTransactionActionType.Add, ReviewEntityMapper.ToEntity(entry, partition)));
    }
}
