using Azure;
using Consolidation.Bot.Conversations;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Reminders;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Protocol.Connector;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Scheduling;

namespace Consolidation.Bot.Tests.Features;

// The stores and senders the outbox handlers go through, held in memory for their unit tests (storage itself is
// tested against Azurite). Each keeps the one rule its caller relies on: an ETag-guarded save, a claim once.

/// <summary>The review the outbox reads: the same snapshot however it is asked for; null for an unknown review.</summary>
internal sealed class FakeSnapshots(ReviewSnapshot? snapshot) : IReviewSnapshots
{
    public Task<ReviewSnapshot?> LoadAsync(string reviewId, CancellationToken cancellationToken) =>
        Task.FromResult(snapshot?.ReviewId == reviewId ? snapshot : null);

    public Task<ReviewSnapshot?> LoadForMemberAsync(string reviewId, string email, CancellationToken cancellationToken) =>
        LoadAsync(reviewId, cancellationToken);
}

/// <summary>One message for each recipient: what was built for it (null: nothing to say) and the council's post.</summary>
internal sealed class FakeSender : IRecipientSender
{
    /// <summary>The recipients whose claim another instance holds: their send is not done.</summary>
    public HashSet<string> Busy { get; } = [];

    public CouncilPost Council { get; init; } = CouncilPost.Posted;

    public List<(string RecipientKey, Activity? Built)> Sent { get; } = [];

    public List<Activity> CouncilPosts { get; } = [];

    public string? RecipientKey => Sent.Count == 0 ? null : Sent[^1].RecipientKey;

    public Activity? Built => Sent.Count == 0 ? null : Sent[^1].Built;

    public Task<bool> SendOnceAsync(OutboxMessage message, string recipientKey, Member member, Func<string?, Activity?> build, CancellationToken cancellationToken)
    {
        if (Busy.Contains(recipientKey))
        {
            return Task.FromResult(false);
        }

        Sent.Add((recipientKey, build(null)));
        return Task.FromResult(true);
    }

    public Task<CouncilPost> PostToCouncilOnceAsync(OutboxMessage message, Activity activity, CancellationToken cancellationToken)
    {
        if (Council == CouncilPost.Posted)
        {
            CouncilPosts.Add(activity);
        }

        return Task.FromResult(Council);
    }
}

/// <summary>Scheduled runs and the last digest's figures, replaced only under the ETag they were read with.</summary>
internal sealed class FakeScheduledRuns : IScheduledRuns
{
    private readonly Dictionary<string, ScheduledRunEntity> _runs = new(StringComparer.Ordinal);

    public string? LastDigestFigures { get; set; }

    public ScheduledRunEntity Claimed(string runKey, DateTimeOffset slot, bool manual = false)
    {
        var run = new ScheduledRunEntity { RowKey = runKey, Slot = slot, Manual = manual, ETag = new ETag(Guid.NewGuid().ToString()) };
        _runs[runKey] = run;
        return run;
    }

    public ScheduledRunEntity? Stored(string runKey) => _runs.GetValueOrDefault(runKey);

    public Task<ScheduledRunEntity?> GetRunAsync(string runKey, CancellationToken cancellationToken) => Task.FromResult(_runs.GetValueOrDefault(runKey));

    public Task<ScheduledRunEntity?> TryCompleteRunAsync(ScheduledRunEntity run, DateTimeOffset at, string? figures, CancellationToken cancellationToken)
    {
        if (!_runs.TryGetValue(run.RowKey, out var stored) || stored.ETag != run.ETag)
        {
            return Task.FromResult<ScheduledRunEntity?>(null);
        }

        _runs[run.RowKey] = new ScheduledRunEntity
        {
            RowKey = run.RowKey, Slot = run.Slot, Manual = run.Manual, Status = ScheduledRunEntity.Done, DoneAt = at,
            Figures = figures ?? run.Figures, ETag = new ETag(Guid.NewGuid().ToString()),
        };
        return Task.FromResult(_runs[run.RowKey])!;
    }

    public Task<string?> GetLastDigestFiguresAsync(CancellationToken cancellationToken) => Task.FromResult(LastDigestFigures);

    public Task SetLastDigestFiguresAsync(string figures, DateTimeOffset at, CancellationToken cancellationToken)
    {
        LastDigestFigures = figures;
        return Task.CompletedTask;
    }
}

/// <summary>The messages queued, in order.</summary>
internal sealed class FakeOutboxWriter : IOutboxWriter
{
    public List<OutboxMessage> Queued { get; } = [];

    public Task EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        Queued.Add(message);
        return Task.CompletedTask;
    }
}

/// <summary>Members' cursors (copies, as a table would hand them out) and unreachable records.</summary>
internal sealed class FakeMemberCursors : IMemberCursors
{
    private readonly Dictionary<string, MemberCursorEntity> _cursors = new(StringComparer.Ordinal);

    public Dictionary<string, string> Unreachable { get; } = new(StringComparer.Ordinal);

    /// <summary>Saves made, in order (each a copy), to see a claim before its completion.</summary>
    public List<MemberCursorEntity> Saves { get; } = [];

    /// <summary>How many of the next saves fail as if another worker had written first.</summary>
    public int LoseSaves { get; set; }

    public MemberCursorEntity? Stored(string email) => _cursors.TryGetValue(email, out var cursor) ? Copy(cursor) : null;

    public void Put(MemberCursorEntity cursor)
    {
        cursor.ETag = new ETag(Guid.NewGuid().ToString());
        _cursors[cursor.Email] = Copy(cursor);
    }

    public Task<MemberCursorEntity?> GetAsync(string reviewId, string email, CancellationToken cancellationToken) => Task.FromResult(Stored(email));

    public Task<MemberCursorEntity?> TrySaveAsync(string reviewId, MemberCursorEntity cursor, ETag? expected, CancellationToken cancellationToken)
    {
        var exists = _cursors.TryGetValue(cursor.Email, out var current);
        if (LoseSaves > 0)
        {
            LoseSaves--;
            return Task.FromResult<MemberCursorEntity?>(null);
        }

        if (expected is null ? exists : !exists || current!.ETag != expected.Value)
        {
            return Task.FromResult<MemberCursorEntity?>(null);
        }

        Put(cursor);
        Saves.Add(Copy(cursor));
        return Task.FromResult<MemberCursorEntity?>(cursor);
    }

    public Task<bool> RecordUnreachableAsync(string reviewId, string email, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var first = !Unreachable.ContainsKey(email);
        Unreachable[email] = reason;
        return Task.FromResult(first);
    }

    private static MemberCursorEntity Copy(MemberCursorEntity c) => new()
    {
        Email = c.Email, TaskId = c.TaskId, TaskVersion = c.TaskVersion, Status = c.Status, ActivityId = c.ActivityId,
        ConversationId = c.ConversationId, At = c.At, Kind = c.Kind, Batch = c.Batch, ETag = c.ETag,
    };
}

/// <summary>Members' 1:1 chats: every member has one (in Japanese) unless unreachable; what was sent where.</summary>
internal sealed class FakeMessenger : IProactiveMessenger
{
    public HashSet<string> UnreachableEmails { get; } = new(StringComparer.Ordinal);

    public List<(ConversationReference To, Activity Activity)> Sent { get; } = [];

    public List<(string AadObjectId, Activity Activity)> SentToUsers { get; } = [];

    public Task<ConversationReference> FindMemberReferenceAsync(string tenantId, string? aadObjectId, string? email, CancellationToken cancellationToken)
    {
        if (email is not null && UnreachableEmails.Contains(email))
        {
            throw new ConnectorException(System.Net.HttpStatusCode.Forbidden, "BotNotInConversationRoster", "The bot is not part of the conversation roster.");
        }

        return Task.FromResult(new ConversationReference
        {
            TenantId = tenantId, Kind = ConversationKind.User, ConversationId = "a:chat-" + email, UserId = "29:" + email,
            ServiceUrl = "https://smba.trafficmanager.net/jp/", Locale = "ja-JP",
        });
    }

    public Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken)
    {
        Sent.Add((reference, activity));
        return Task.FromResult(new ResourceResponse { Id = "activity-" + Sent.Count });
    }

    public Task<ResourceResponse> SendToUserAsync(string tenantId, string aadObjectId, Activity activity, CancellationToken cancellationToken)
    {
        SentToUsers.Add((aadObjectId, activity));
        return Task.FromResult(new ResourceResponse { Id = "user-activity-" + SentToUsers.Count });
    }
}

/// <summary>The audit entries appended.</summary>
internal sealed class FakeAuditTrail : IAuditTrail
{
    public List<AuditEntry> Entries { get; } = [];

    public Task AppendAsync(string reviewId, AuditEntry entry, CancellationToken cancellationToken)
    {
        Entries.Add(entry);
        return Task.CompletedTask;
    }
}
