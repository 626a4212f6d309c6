using System.Globalization;
using Azure;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Hosting;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Review;

/// <summary>What a revisit event did: the trigger, the stage the tasks re-entered, the tasks per subcommittee and round, and whom cards go to.</summary>
public sealed record RevisitStart(RevisitTrigger Trigger, Stage Stage, DateTimeOffset Deadline,
    IReadOnlyList<(Subcommittee Subcommittee, int Tasks)> Subcommittees, IReadOnlyList<int> Rounds, IReadOnlyList<string> Assignees)
{
    public int Tasks => Subcommittees.Sum(s => s.Tasks);
}

/// <summary>
/// The secretariat declares a revisit event (再検討開始 標準化BPR 2027-03-31): every continue-later task waiting for that
/// trigger (<see cref="ReviewRules.WaitsFor"/>) begins a new round at WG or 適否, state and history in one transaction per
/// batch; the stage is opened for their subcommittees until the deadline (an open window keeps a later deadline), the
/// event is in the audit trail, and their assignees are queued their cards. The same for the chat command and the tab.
/// </summary>
public sealed class RevisitRounds(
    ReviewRepository repository,
    StageOpeningService windows,
    NextCardRequests cards,
    AuditLog audit,
    TimeProvider time,
    IOptions<ReviewOptions> review) : IRevisitRounds
{
    private const int MaxAttempts = 5;

    public async Task<RevisitStart> StartAsync(string reviewId, Member actor, RevisitTrigger trigger, Stage stage, DateTimeOffset deadline, string? tenantId, CancellationToken cancellationToken)
    {
        if (!actor.IsSecretariat)
        {
            throw new InvalidOperationException("Only the secretariat starts a revisit.");
        }

        var zone = review.Value.Zone;
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
            var loaded = await repository.LoadForUpdateAsync(reviewId, cancellationToken)
                ?? throw new InvalidOperationException($"Review {reviewId} does not exist.");
            var changes = loaded.Tasks
                .Select(t => (Stored: t, Result: ReviewRules.StartRound(t.Task, actor, trigger, stage, today, now)))
                .Where(x => x.Result.Accepted)
                .Select(x => (x.Stored, x.Result.State!, Entry(x.Stored, x.Result.State!, actor, trigger, stage, now)))
                .ToList();
            if (changes.Count == 0)
            {
                return new RevisitStart(trigger, stage, deadline, [], [], []);
            }

            try
            {
                await repository.CommitManyAsync(reviewId, changes, cancellationToken);
            }
            catch (RequestFailedException ex) when (attempt < MaxAttempts && ex.Status is 409 or 412)
            {
                continue; // a task changed under us: decide again on what is stored now
            }

            var started = changes.Select(c => c.Stored.Task with { State = c.Item2 }).ToList();
            var bySubcommittee = started.GroupBy(t => t.Subcommittee).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
            foreach (var (subcommittee, _) in bySubcommittee)
            {
                await windows.EnsureOpenAsync(reviewId, stage, subcommittee, deadline, cancellationToken);
            }

            // A round at WG asks the bureau in charge again: its contacts are queued cards too.
            var contacts = stage == Stage.Wg ? ReviewQueries.BureauContactsAwaited(started, await repository.GetWindowsAsync(reviewId, cancellationToken), loaded.Snapshot.Members) : [];
            var assignees = started.Select(t => t.AssigneeFor(stage)).Concat(contacts)
                .Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var rounds = started.Select(t => t.State.Round).Distinct().Order().ToList();
            var local = TimeZoneInfo.ConvertTime(deadline, zone);
            await audit.AppendAsync(reviewId, new AuditEntry(AuditKind.RoundStarted, actor.Email, now,
                $"{trigger.Name(japanese: true)}: {string.Join("、", bySubcommittee.Select(s => $"{s.Key.Name(japanese: true)} {s.Item2}件"))}"
                + $"（第{string.Join("・", rounds)}回、期限 {local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}）", stage), cancellationToken);
            await cards.QueueAsync(reviewId, assignees, actor, tenantId, cancellationToken);
            return new RevisitStart(trigger, stage, deadline, bySubcommittee, rounds, assignees);
        }
    }

    private static HistoryEntry Entry(StoredTask stored, TaskState after, Member actor, RevisitTrigger trigger, Stage stage, DateTimeOffset now) => new()
    {
        TaskId = stored.Task.Id,
        Kind = HistoryKind.RoundStarted,
        Stage = stage,
        By = actor.Email,
        ByAadObjectId = actor.AadObjectId,
        At = now,
        CardVersion = stored.Task.State.Version,
        ResultingVersion = after.Version,
        Reason = $"第{after.Round}回（きっかけ: {trigger.Name(japanese: true)}）",
    };
}
