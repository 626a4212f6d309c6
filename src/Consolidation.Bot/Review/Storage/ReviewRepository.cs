using Azure;
using Azure.Data.Tables;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.Review.Storage;

/// <summary>
/// Reads a review and commits task changes. A change is one entity-group transaction in the review's state
/// partition: the state row (guarded by its ETag, or inserted if new), the history entry (its RowKey carries the
/// version it produced, so it is never overwritten; it also tells a redelivered answer, see IsAnswerStoredAsync).
/// </summary>
public sealed partial class ReviewRepository(TableClientProvider tables, ReviewCatalog catalog, TimeProvider time) : IReviewSnapshots
{
    /// <summary>Member-scoped loads read the states one by one up to this many tasks, else the whole state range.</summary>
    private const int PointReadLimit = 40;

    private readonly ReassignmentIndex reassignments = new();
    private int _refreshingWindows;

    private readonly ReviewDefinitionCache _definitions = new();
    private readonly TransactionBatcher _batcher = new();

    /// <summary>
    /// The whole review as it stands now, for reading (status answers, digests, reminders, export). Task states are kept
    /// in memory per review and brought up to date on every call with one query for the rows changed since the last one
    /// (by their server timestamp, with a margin), and read in full again every <see cref="FullStateReload"/>; a review
    /// of 100,000 tasks then costs one small query per question instead of a hundred pages. Bulk changes use
    /// <see cref="LoadForUpdateAsync"/>, which always reads everything. <paramref name="consistency"/>: see
    /// <see cref="ReadConsistency"/> (questions and the dashboard read <see cref="ReadConsistency.Recent"/>).
    /// </summary>
    public async Task<ReviewSnapshot?> LoadAsync(string reviewId, CancellationToken cancellationToken, ReadConsistency consistency = ReadConsistency.Fresh)
    {
        var review = await catalog.GetReviewAsync(reviewId, cancellationToken);
        if (review is null)
        {
            return null;
        }

        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var cache = CacheOf(reviewId);
        var epoch = Epoch(review);
        var definitions = DefinitionsAsync(table, reviewId, review, cancellationToken);
        var known = consistency == ReadConsistency.Recent ? cache.TryGetAllWindows(epoch) : null;
        var windows = known is { } recent ? Task.FromResult(recent.Windows) : ReadWindowsAsync(table, reviewId, cache, epoch, cancellationToken);
        if (known is { Old: true })
        {
            RefreshWindowsInBackground(table, reviewId, cache, epoch);
        }

        var tasks = await cache.ReadAsync(table, ReviewKeys.StatePartition(reviewId), await definitions, epoch, consistency, cancellationToken);
        return new ReviewSnapshot(reviewId, review.Name, review.Generation, tasks, (await definitions).Members, await windows);
    }

    /// <summary>How often the in-memory task states of a review are read again in full (a safety net for the incremental reads).</summary>
    public static readonly TimeSpan FullStateReload = TimeSpan.FromMinutes(10);

    private const int MaxCachedReviews = 4;

    // Demo reloads create new reviews: keep the states of the few used last, not of every review ever read.
    private readonly BoundedCache<string, ReviewStateCache> _caches = new(MaxCachedReviews, StringComparer.Ordinal);

    /// <summary>The in-memory states of a review (tests observe its catch-ups).</summary>
    internal ReviewStateCache CacheOf(string reviewId) => _caches.GetOrAdd(reviewId, _ => new ReviewStateCache(time));

    /// <summary>The epoch of the in-memory states and windows: the review row's ETag (see <see cref="ReviewCatalog"/>).</summary>
    private static string Epoch(ReviewRowEntity review) => review.ETag.ToString();

    /// <summary>The snapshot and every task as a <see cref="StoredTask"/> (with its state ETag), for bulk changes.</summary>
    public async Task<(ReviewSnapshot Snapshot, IReadOnlyList<StoredTask> Tasks)?> LoadForUpdateAsync(string reviewId, CancellationToken cancellationToken)
    {
        var review = await catalog.ReadReviewAsync(reviewId, cancellationToken);
        if (review is null)
        {
            return null;
        }

        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var statePartition = ReviewKeys.StatePartition(reviewId);
        var definitions = DefinitionsAsync(table, reviewId, review, cancellationToken);
        var states = PrefixQuery.ListAsync<TaskStateEntity>(table, statePartition, ReviewKeys.StatePrefix, cancellationToken);
        var windows = PrefixQuery.ListAsync<StageWindowEntity>(table, statePartition, ReviewKeys.WindowPrefix, cancellationToken);
        await Task.WhenAll(definitions, states, windows);

        var stateById = (await states).ToDictionary(s => s.TaskId, StringComparer.Ordinal);
        var stored = (await definitions).Tasks.Select(d => Stored(d, stateById.GetValueOrDefault(d.Id))).ToList();
        var snapshot = new ReviewSnapshot(reviewId, review.Name, review.Generation, stored.Select(t => t.Task).ToList(),
            (await definitions).Members, (await windows).Select(ReviewEntityMapper.ToDomain).ToList());
        return (snapshot, stored);
    }

    /// <summary>
    /// A snapshot scoped to one member: every member, but only the tasks assigned to <paramref name="email"/> in some
    /// stage and the screening windows of those tasks' subcommittees. Enough for everything about that member's own questionnaire (open tasks, card progress), at a cost
    /// that does not grow with the size of the review. Null when the review does not exist.
    /// </summary>
    Task<ReviewSnapshot?> IReviewSnapshots.LoadAsync(string reviewId, CancellationToken cancellationToken) => LoadAsync(reviewId, cancellationToken);

    public async Task<ReviewSnapshot?> LoadForMemberAsync(string reviewId, string email, CancellationToken cancellationToken) =>
        (await LoadScopedAsync(reviewId, members => MemberIndex.Of(members).ByEmail(email), fromMemory: false, cancellationToken))?.Snapshot;

    /// <summary>A member-scoped snapshot (see <see cref="LoadForMemberAsync"/>) with the member and their tasks' state ETags.</summary>
    public sealed record ScopedLoad(ReviewSnapshot Snapshot, Member? Member, IReadOnlyDictionary<string, StoredTask> Stored);

    /// <summary>
    /// The member with this Entra object id and a snapshot scoped to them (see <see cref="LoadForMemberAsync"/>);
    /// the member is null, and the snapshot has no tasks, when nobody in the review has that id.
    /// <paramref name="fromMemory"/>: the states and windows may come from this instance's memory (see
    /// <see cref="ReviewStateCache"/>), which can be one other instance's answer behind; only for deciding answers,
    /// whose commits are ETag-guarded and whose refusals are confirmed on fresh data. Otherwise they are read now.
    /// </summary>
    public Task<ScopedLoad?> LoadForAadObjectIdAsync(string reviewId, string? aadObjectId, bool fromMemory, CancellationToken cancellationToken) =>
        LoadScopedAsync(reviewId, members => aadObjectId is null ? null : MemberIndex.Of(members).ByAadObjectId(aadObjectId), fromMemory, cancellationToken);

    private async Task<ScopedLoad?> LoadScopedAsync(string reviewId, Func<IReadOnlyList<Member>, Member?> select, bool fromMemory, CancellationToken cancellationToken)
    {
        var review = await catalog.GetReviewAsync(reviewId, cancellationToken);
        if (review is null)
        {
            return null;
        }

        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var statePartition = ReviewKeys.StatePartition(reviewId);
        var definitions = await DefinitionsAsync(table, reviewId, review, cancellationToken);
        var member = select(definitions.Members);
        var cache = CacheOf(reviewId);
        var epoch = Epoch(review);
        var mine = member is null ? [] : await TasksOfAsync(table, reviewId, definitions, member, epoch, cancellationToken);
        var stored = (fromMemory ? cache.TryGet(mine, epoch, table, statePartition) : null) ?? await ReadStatesAsync(table, statePartition, mine, cache, cancellationToken);
        // The screening windows of these tasks' subcommittees (point reads; usually one subcommittee, so three): the stages
        // reached (the card's progress counts answered tasks of a stage) and the next one, where an answer may take a task.
        var reached = mine.Select(d => d.Subcommittee).Distinct().SelectMany(c => Stages.Screening.Select(s => (Stage: s, Subcommittee: c))).ToList();
        var windows = fromMemory ? cache.TryGetWindows(reached, epoch) : null;
        if (windows is null)
        {
            windows = await WindowsAsync(table, statePartition, reached, cancellationToken);
            cache.OfferWindows(reached, windows, epoch);
        }

        var snapshot = new ReviewSnapshot(reviewId, review.Name, review.Generation, stored.Select(t => t.Task).ToList(), definitions.Members, windows);
        return new ScopedLoad(snapshot, member, stored.ToDictionary(t => t.Task.Id, StringComparer.Ordinal));
    }

    /// <summary>The member's tasks by the imported assignments, and the tasks the secretariat reassigned to them.</summary>
    private async Task<IReadOnlyList<TaskDefinition>> TasksOfAsync(TableClient table, string reviewId, ReviewDefinitions definitions, Member member, string epoch, CancellationToken cancellationToken)
    {
        var imported = definitions.TasksByMember.GetValueOrDefault(member.Email) ?? [];
        var reassigned = await reassignments.TaskIdsAsync(table, reviewId, member.Email, epoch, cancellationToken);
        if (reassigned.Count == 0)
        {
            return imported;
        }

        var known = imported.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        return [.. imported, .. reassigned.Where(known.Add).Select(definitions.TaskById.GetValueOrDefault).OfType<TaskDefinition>()];
    }

    /// <summary>A member's task states from storage: one by one up to <see cref="PointReadLimit"/> tasks, else the whole state range.</summary>
    private static async Task<IReadOnlyList<StoredTask>> ReadStatesAsync(TableClient table, string statePartition, IReadOnlyList<TaskDefinition> mine, ReviewStateCache cache, CancellationToken cancellationToken)
    {
        Dictionary<string, TaskStateEntity> stateById;
        if (mine.Count <= PointReadLimit)
        {
            var reads = mine.Select(d => table.GetEntityIfExistsAsync<TaskStateEntity>(statePartition, ReviewKeys.StateRow(d.Id), cancellationToken: cancellationToken)).ToList();
            await Task.WhenAll(reads);
            stateById = reads.Select(r => r.Result).Where(r => r.HasValue).Select(r => r.Value!).ToDictionary(s => s.TaskId, StringComparer.Ordinal);
        }
        else
        {
            stateById = (await PrefixQuery.ListAsync<TaskStateEntity>(table, statePartition, ReviewKeys.StatePrefix, cancellationToken)).ToDictionary(s => s.TaskId, StringComparer.Ordinal);
        }

        var stored = mine.Select(d => Stored(d, stateById.GetValueOrDefault(d.Id))).ToList();
        foreach (var task in stored.Where(t => t.StateETag is not null))
        {
            cache.Offer(task.Task.State, task.StateETag);
        }

        return stored;
    }

    private static StoredTask Stored(TaskDefinition definition, TaskStateEntity? state) => state is null
        ? new StoredTask(new ReviewTask(definition, TaskState.New(definition.Id)), null)
        : new StoredTask(new ReviewTask(definition, ReviewEntityMapper.ToDomain(state)), state.ETag);

    private Task<ReviewDefinitions> DefinitionsAsync(TableClient table, string reviewId, ReviewRowEntity review, CancellationToken cancellationToken) =>
        _definitions.GetAsync(reviewId, review, async () =>
        {
            var partition = ReviewKeys.DefinitionPartitionOf(reviewId, review);
            var (tasks, members) = await DefinitionsPack.ReadAsync(table, partition, CancellationToken.None) switch
            {
                { } pack => (pack.Tasks, pack.Members),
                null => await RowsOfAsync(table, partition),
            };
            return new ReviewDefinitions(
                tasks.OrderBy(d => d.Order).Select(ReviewEntityMapper.ToDomain).ToList(),
                members.Select(ReviewEntityMapper.ToDomain).OrderBy(m => m.Email, StringComparer.Ordinal).ToList());
        }).WaitAsync(cancellationToken);

    /// <summary>A generation's rows one by one (imports written before <see cref="DefinitionsPack"/>).</summary>
    private static async Task<(IReadOnlyList<TaskDefinitionEntity> Tasks, IReadOnlyList<MemberEntity> Members)> RowsOfAsync(TableClient table, string partition)
    {
        var tasks = PrefixQuery.ListAsync<TaskDefinitionEntity>(table, partition, ReviewKeys.TaskPrefix, CancellationToken.None);
        var members = PrefixQuery.ListAsync<MemberEntity>(table, partition, ReviewKeys.MemberPrefix, CancellationToken.None);
        return (await tasks, await members);
    }

    /// <summary>One task with its state's ETag (a point read; the definition comes from memory); null when the review or the task does not exist.</summary>
    public async Task<StoredTask?> GetTaskAsync(string reviewId, string taskId, CancellationToken cancellationToken)
    {
        var review = await catalog.GetReviewAsync(reviewId, cancellationToken);
        if (review is null)
        {
            return null;
        }

        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var definitions = DefinitionsAsync(table, reviewId, review, cancellationToken);
        var state = table.GetEntityIfExistsAsync<TaskStateEntity>(
            ReviewKeys.StatePartition(reviewId), ReviewKeys.StateRow(taskId), cancellationToken: cancellationToken);
        var definition = (await definitions).TaskById.GetValueOrDefault(taskId);
        var row = await state;
        if (row.HasValue)
        {
            CacheOf(reviewId).Offer(ReviewEntityMapper.ToDomain(row.Value!), row.Value!.ETag);
        }

        return definition is null ? null : Stored(definition, row.HasValue ? row.Value : null);
    }

    public async Task<IReadOnlyList<Member>> GetMembersAsync(string reviewId, CancellationToken cancellationToken)
    {
        var review = await catalog.GetReviewAsync(reviewId, cancellationToken);
        if (review is null)
        {
            return [];
        }

        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        return (await DefinitionsAsync(table, reviewId, review, cancellationToken)).Members;
    }

    /// <summary>The history of one task (oldest first), or of the whole review when <paramref name="taskId"/> is null.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string reviewId, string? taskId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var prefix = taskId is null ? ReviewKeys.HistoryPrefix : ReviewKeys.HistoryTaskPrefix(taskId);
        var rows = await PrefixQuery.ListAsync<HistoryEntity>(table, ReviewKeys.StatePartition(reviewId), prefix, cancellationToken);
        return rows.Select(ReviewEntityMapper.ToDomain).ToList();
    }
}
