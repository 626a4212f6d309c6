using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Protocol.Connector;
using Consolidation.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.SendBudget;

/// <summary>
/// The tenant's Teams budget kept in one table row per tenant (<c>SendBudget</c>, row <c>budget</c>) holding the
/// <see cref="SendGrantLog"/> of every instance. Sends waiting in this process are granted together: one claim reads
/// nothing when this instance wrote the row last (the ETag it holds is still current), adds their grants and saves the
/// row only if unchanged; a lost race reads the winner's row and grants again. So the tenant's 50 per second and each
/// conversation's limits hold over all instances, tenants never share a row, and an instance that dies loses at most the
/// grants it claimed (unused time), never a card: its messages come back from the outbox. A send's response settles
/// it (<see cref="SendGrantLog.Settle"/>) in this instance's copy at once and in the row with the next claim. If the
/// store cannot be reached, grants come from this instance's last copy (logged): the sends go on, as safe as one
/// instance alone.
/// </summary>
public sealed class TableSendBudget(
    TableClientProvider tables,
    IOptions<SendBudgetOptions> options,
    IOptions<ConnectorOptions> limits,
    TimeProvider time,
    ILogger<TableSendBudget> logger) : ISharedSendBudget
{
    private const string Row = "budget";
    private const string GrantsColumn = "Grants";
    private const int MaxAttempts = 50;
    private static readonly TimeSpan MaxLead = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MinPause = TimeSpan.FromMilliseconds(5);
    private readonly ConcurrentDictionary<string, TenantClaims> _tenants = new(StringComparer.Ordinal);

    /// <summary>This process among the holders of grants (random: a restarted instance is a new holder).</summary>
    private readonly uint _owner = (uint)Random.Shared.NextInt64(1, uint.MaxValue);

    public TimeSpan Tolerance => options.Value.Tolerance;

    public void Settle(string tenantId, string conversationKey, DateTimeOffset grant, DateTimeOffset completedAt)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        _tenants.GetOrAdd(tenantId, t => new TenantClaims(t)).Settled.Enqueue(new Settlement(SendGrantLog.ConversationHash(conversationKey), grant, completedAt));
    }

    /// <summary>Released with the next claim, which the send that missed it is about to make.</summary>
    public void Release(string tenantId, string conversationKey, DateTimeOffset grant)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        _tenants.GetOrAdd(tenantId, t => new TenantClaims(t)).Settled.Enqueue(new Settlement(SendGrantLog.ConversationHash(conversationKey), grant, null));
    }

    public ValueTask<DateTimeOffset> ReserveAsync(string tenantId, string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        var claims = _tenants.GetOrAdd(tenantId, t => new TenantClaims(t));
        var request = new GrantRequest(SendGrantLog.ConversationHash(conversationKey));
        bool start;
        lock (claims)
        {
            claims.Waiting.Add(request);
            start = !claims.Claiming;
            claims.Claiming = true;
        }

        if (start)
        {
            _ = Task.Run(() => ClaimLoopAsync(claims), CancellationToken.None);
        }

        return new ValueTask<DateTimeOffset>(request.Grant.Task.WaitAsync(cancellationToken));
    }

    /// <summary>
    /// One loop per tenant while sends wait: each round grants, in one write, what waited meanwhile and can start within
    /// <see cref="SendBudgetOptions.GrantAhead"/>; the rest wait for the next round, so a grant is never decided long
    /// before it is used, on what other sends were then assumed to have done.
    /// </summary>
    private async Task ClaimLoopAsync(TenantClaims claims)
    {
        while (true)
        {
            List<GrantRequest> batch;
            lock (claims)
            {
                if (claims.Waiting.Count == 0)
                {
                    claims.Claiming = false;
                    return;
                }

                batch = claims.Waiting.GetRange(0, Math.Min(options.Value.MaxGrantsPerClaim, claims.Waiting.Count));
                claims.Waiting.RemoveRange(0, batch.Count);
            }

            var settled = new List<Settlement>();
            while (claims.Settled.TryDequeue(out var settlement))
            {
                settled.Add(settlement);
            }

            Round round;
            try
            {
                round = await ClaimAsync(claims, batch, settled);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Log.SendBudgetUnavailable(logger, ex);
                claims.ETag = null;
                round = GrantAll(claims, claims.Log ?? new SendGrantLog(), batch, settled);
                claims.Log = round.Log;
            }

            for (var i = 0; i < round.Grants.Count; i++)
            {
                batch[i].Grant.TrySetResult(round.Grants[i]);
            }

            if (round.Grants.Count < batch.Count)
            {
                lock (claims)
                {
                    claims.Waiting.InsertRange(0, batch.Skip(round.Grants.Count));
                }

                var pause = (round.NextAt ?? time.GetUtcNow()) - time.GetUtcNow() - claims.Lead - options.Value.GrantAhead;
                await Task.Delay(pause > MinPause ? pause : MinPause, time, CancellationToken.None);
            }
        }
    }

    private async Task<Round> ClaimAsync(TenantClaims claims, List<GrantRequest> batch, List<Settlement> settled)
    {
        var table = await tables.GetAsync(TableNames.SendBudget, CancellationToken.None);
        for (var attempt = 1; ; attempt++)
        {
            if (claims.Log is null || claims.ETag is null)
            {
                var row = await table.GetEntityIfExistsAsync<TableEntity>(claims.PartitionKey, Row, [GrantsColumn], CancellationToken.None);
                claims.Log = row.HasValue ? SendGrantLog.FromBytes(row.Value!.GetBinary(GrantsColumn) ?? []) : new SendGrantLog();
                claims.ETag = row.HasValue ? row.Value!.ETag : null;
            }

            var started = time.GetTimestamp();
            var round = GrantAll(claims, claims.Log.Clone(), batch, settled);
            if (round.Grants.Count == 0 && settled.Count == 0)
            {
                return round; // nothing to write: nothing granted, nothing settled
            }

            var entity = new TableEntity(claims.PartitionKey, Row) { [GrantsColumn] = round.Log.ToBytes() };
            var saved = await table.TrySaveAsync(entity, claims.ETag, CancellationToken.None);
            claims.RecordRoundTrip(time.GetElapsedTime(started));
            if (saved is { } etag)
            {
                claims.Log = round.Log;
                claims.ETag = etag;
                if (attempt > 3)
                {
                    Log.SendBudgetContended(logger, attempt, round.Grants.Count);
                }

                return round;
            }

            // Another instance claimed first: read its row and grant again after its grants, after a short random pause
            // so instances that keep colliding fall out of step instead of losing to each other in turn.
            claims.ETag = null;
            if (attempt == MaxAttempts)
            {
                throw new RequestFailedException(412, $"The send budget row changed {MaxAttempts} times in a row.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 + Math.Min(attempt, 10) * 5)), time, CancellationToken.None);
        }
    }

    /// <summary>
    /// This instance's answered sends settled and missed grants released, then grants for the batch in order, starting no
    /// sooner than the save is expected to be done (the claim's lead) and no later than <see cref="SendBudgetOptions.GrantAhead"/>
    /// after that: the first request that would have to wait longer ends the round (its tentative grant dropped) and
    /// <see cref="Round.NextAt"/> says when it could go.
    /// </summary>
    private Round GrantAll(TenantClaims claims, SendGrantLog log, List<GrantRequest> batch, List<Settlement> settled)
    {
        var now = time.GetUtcNow();
        var spread = options.Value.ArrivalSpread;
        foreach (var s in settled)
        {
            _ = s.CompletedAt is { } completedAt ? log.Settle(_owner, s.Conversation, s.Grant, completedAt) : log.Release(_owner, s.Conversation, s.Grant);
        }

        log.Prune(now, limits.Value, spread);
        var notBefore = now + claims.Lead;
        var latest = notBefore + options.Value.GrantAhead;
        var grants = new List<DateTimeOffset>(batch.Count);
        foreach (var request in batch)
        {
            var grant = log.Grant(request.Conversation, _owner, notBefore, limits.Value, spread, now);
            if (grant > latest)
            {
                log.Release(_owner, request.Conversation, grant);
                return new Round(log, grants, grant);
            }

            grants.Add(grant);
        }

        return new Round(log, grants, null);
    }

    /// <summary>The log after a round, the grants of the batch's first requests, and when the next could go if not all could.</summary>
    private sealed record Round(SendGrantLog Log, IReadOnlyList<DateTimeOffset> Grants, DateTimeOffset? NextAt);

    /// <summary>A send answered at <see cref="CompletedAt"/>, or (null) a grant missed and released.</summary>
    private sealed record Settlement(uint Conversation, DateTimeOffset Grant, DateTimeOffset? CompletedAt);

    private sealed record GrantRequest(uint Conversation)
    {
        public TaskCompletionSource<DateTimeOffset> Grant { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>A tenant's claims in this process: the waiting sends, and the row as this instance last saved or read it.</summary>
    private sealed class TenantClaims(string tenantId)
    {
        public string PartitionKey { get; } = tenantId.Length == 0 ? "-" : TableKeys.Escape(tenantId);

        public List<GrantRequest> Waiting { get; } = [];

        /// <summary>Sends answered and grants missed since the last claim, to settle or release with the next.</summary>
        public ConcurrentQueue<Settlement> Settled { get; } = new();

        public bool Claiming { get; set; }

        public SendGrantLog? Log { get; set; }

        public ETag? ETag { get; set; }

        /// <summary>How far ahead grants start: one and a half times the recent save's round trip, so a grant is not past when it arrives.</summary>
        public TimeSpan Lead { get; private set; }

        public void RecordRoundTrip(TimeSpan took)
        {
            var average = (Lead.TotalMilliseconds / 1.5 * 0.8) + (took.TotalMilliseconds * 0.2);
            Lead = TimeSpan.FromMilliseconds(Math.Min(average * 1.5, MaxLead.TotalMilliseconds));
        }
    }
}
