using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.Scheduling;

/// <summary>Schedules/(state, {kind}): the latest slot whose run was queued, per schedule.</summary>
public sealed class ScheduleStateEntity : ITableEntity
{
    public string PartitionKey { get; set; } = ScheduleStore.StatePartition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public DateTimeOffset LastCompleted { get; set; }
}

/// <summary>
/// Schedules/(run, {runKey}): one run of a schedule (or a manual "digest now"), claimed by the instance that inserted
/// it. Status: <c>claimed</c> → <c>queued</c> (its outbox message is in the queue) → <c>done</c>. A digest keeps the
/// figures it posted, for the next digest's "since the last digest".
/// </summary>
public sealed class ScheduledRunEntity : ITableEntity
{
    public const string Claimed = "claimed";
    public const string Queued = "queued";
    public const string Done = "done";

    public string PartitionKey { get; set; } = ScheduleStore.RunPartition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Kind { get; set; } = "";
    public DateTimeOffset Slot { get; set; }
    public bool Manual { get; set; }
    public string Status { get; set; } = Claimed;
    public string ClaimedBy { get; set; } = "";
    public DateTimeOffset ClaimedAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public string? Figures { get; set; }
}

/// <summary>
/// Schedules/(sent|{runKey}, {recipient}): this run's message to this recipient, <c>sending</c> while an instance sends it
/// and <c>sent</c> once the connector accepted it (or there was nothing to send).
/// </summary>
public sealed class SentMarkerEntity : ITableEntity
{
    public const string Sending = "sending";
    public const string Sent = "sent";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Status { get; set; } = Sending;
    public DateTimeOffset At { get; set; }
}

/// <summary>What claiming a recipient of a run found.</summary>
public enum RecipientClaim
{
    /// <summary>This instance sends it now.</summary>
    Claimed,

    /// <summary>Sent before: nothing to do.</summary>
    AlreadySent,

    /// <summary>Another instance is sending it right now: look again later.</summary>
    InProgress,
}

/// <summary>
/// The scheduler's records in Azure Tables. Every write that decides something is conditional: a run is claimed by
/// inserting its row (the second instance gets 409), the last completed slot only moves forward under its ETag, and a
/// recipient's message is marked sent by inserting a marker.
/// </summary>
public sealed class ScheduleStore(TableClientProvider tables) : IScheduledRuns
{
    public const string StatePartition = "state";
    public const string RunPartition = "run";
    public const string LastDigestRow = "digest|last";

    public static string RunKey(ScheduleKind kind, DateTimeOffset slot, bool manual) =>
        $"{(manual ? "manual-" : "")}{kind.ToString().ToLowerInvariant()}|{slot.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";

    public async Task<ScheduleStateEntity?> GetStateAsync(ScheduleKind kind, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Schedules, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<ScheduleStateEntity>(StatePartition, kind.ToString(), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Moves the last completed slot forward to <paramref name="slot"/> (never back); false if another instance changed it first.</summary>
    public async Task<bool> TryAdvanceAsync(ScheduleKind kind, DateTimeOffset slot, ScheduleStateEntity? current, CancellationToken cancellationToken)
    {
        if (current is not null && current.LastCompleted >= slot)
        {
            return true;
        }

        var table = await tables.GetAsync(TableNames.Schedules, cancellationToken);
        var row = new ScheduleStateEntity { RowKey = kind.ToString(), LastCompleted = slot };
        return await table.TrySaveAsync(row, current?.ETag, cancellationToken) is not null;
    }

    /// <summary>Inserts the run's row; null when another instance claimed it first.</summary>
    public async Task<ScheduledRunEntity?> TryClaimAsync(string runKey, ScheduleKind kind, DateTimeOffset slot, bool manual, string instance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Schedules, cancellationToken);
        var row = new ScheduledRunEntity { RowKey = runKey, Kind = kind.ToString(), Slot = slot, Manual = manual, ClaimedBy = instance, ClaimedAt = now };
        return await table.TrySaveAsync(row, expected: null, cancellationToken) is null ? null : row;
    }

    /// <summary>Takes over a claim another instance left unfinished (ETag-guarded); null when someone else moved first.</summary>
    public async Task<ScheduledRunEntity?> TryTakeOverAsync(ScheduledRunEntity stale, string instance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        stale.ClaimedBy = instance;
        stale.ClaimedAt = now;
        return await TryReplaceAsync(stale, cancellationToken);
    }

    public async Task<ScheduledRunEntity?> GetRunAsync(string runKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Schedules, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<ScheduledRunEntity>(RunPartition, runKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Replaces the run's row if unchanged since read; null when someone else changed it.</summary>
    public async Task<ScheduledRunEntity?> TryReplaceAsync(ScheduledRunEntity run, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Schedules, cancellationToken);
        return await table.TrySaveAsync(run, run.ETag, cancellationToken) is null ? null : run;
    }

    /// <inheritdoc />
    public Task<ScheduledRunEntity?> TryCompleteRunAsync(ScheduledRunEntity run, DateTimeOffset at, string? figures, CancellationToken cancellationToken)
    {
        run.Status = ScheduledRunEntity.Done;
        run.DoneAt = at;
        run.Figures = figures ?? run.Figures;
        return TryReplaceAsync(run, cancellationToken);
    }

    public async Task<IReadOnlyList<ScheduledRunEntity>> ListRunsAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Schedules, cancellationToken);
        var rows = new List<ScheduledRunEntity>();
        await foreach (var row in table.QueryAsync<ScheduledRunEntity>(r => r.PartitionKey == RunPartition, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// Claims the sending of run <paramref name="runKey"/>'s message to <paramref name="recipient"/> (an insert; a claim older
    /// than <paramref name="lease"/> is taken over under its ETag).
    /// </summary>
    public async Task<(RecipientClaim Claim, SentMarkerEntity? Marker)> ClaimRecipientAsync(string runKey, string recipient, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Schedules, cancellationToken);
        var marker = new SentMarkerEntity { PartitionKey = SentPartition(runKey), RowKey = TableKeys.Escape(recipient), At = now };
        if (await table.TrySaveAsync(marker, expected: null, cancellationToken) is not null)
        {
            return (RecipientClaim.Claimed, marker);
        }

        var existing = (await table.GetEntityAsync<SentMarkerEntity>(marker.PartitionKey, marker.RowKey, cancellationToken: cancellationToken)).Value;
        if (existing.Status == SentMarkerEntity.Sent)
        {
            return (RecipientClaim.AlreadySent, null);
        }

        if (now - existing.At < lease)
        {
            return (RecipientClaim.InProgress, null);
        }

        existing.At = now;
        return await table.TrySaveAsync(existing, existing.ETag, cancellationToken) is null
            ? (RecipientClaim.InProgress, null)
            : (RecipientClaim.Claimed, existing);
    }

    public async Task CompleteRecipientAsync(SentMarkerEntity marker, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Schedules, cancellationToken);
        marker.Status = SentMarkerEntity.Sent;
        marker.At = at;
        await table.UpsertEntityAsync(marker, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The recipients of a run whose message was sent (tests and the README's "how to check" use it).</summary>
    public async Task<IReadOnlyList<string>> SentRecipientsAsync(string runKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Schedules, cancellationToken);
        var partition = SentPartition(runKey);
        var result = new List<string>();
        await foreach (var row in table.QueryAsync<SentMarkerEntity>(m => m.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            if (row.Status == SentMarkerEntity.Sent)
            {
                result.Add(row.RowKey);
            }
        }

        return result;
    }

    /// <summary>The figures of the last digest posted (JSON), for "since the last digest".</summary>
    public async Task<string?> GetLastDigestFiguresAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Schedules, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<ScheduledRunEntity>(StatePartition, LastDigestRow, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.Figures : null;
    }

    /// <summary>When the last digest was posted; null before the first.</summary>
    public async Task<DateTimeOffset?> GetLastDigestAtAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Schedules, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<ScheduledRunEntity>(StatePartition, LastDigestRow, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.DoneAt : null;
    }

    public async Task SetLastDigestFiguresAsync(string figures, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Schedules, cancellationToken);
        await table.UpsertEntityAsync(new ScheduledRunEntity
        {
            PartitionKey = StatePartition, RowKey = LastDigestRow, Kind = nameof(ScheduleKind.Digest), Status = ScheduledRunEntity.Done, DoneAt = at, Figures = figures,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    private static string SentPartition(string runKey) => "sent|" + TableKeys.Escape(runKey);
}
