using System.Globalization;
using Consolidation.Bot.Demo;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.Cli;

/// <summary>
/// <c>demo [--play-seed-funnel] [--if-empty]</c>: loads the demo review (812 tasks, the Playground's users) as a new
/// review, makes it the active one in one write, then removes earlier demo reviews, so a running bot switches from
/// the old demo to the new one without seeing anything in between. <c>--play-seed-funnel</c> answers every stage
/// through the review rules so the funnel is exactly the seed's.
/// </summary>
public sealed class DemoCommand(ReviewCatalog catalog, ReviewRepository repository, ReviewImportWriter writer, TimeProvider time, TextWriter output)
{
    public const string ReviewName = "区役所業務集約化等の検討（デモ）";

    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var unknown = args.Unknown("play-seed-funnel", "if-empty").ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException("unknown option --" + unknown[0]);
        }

        if (args.Has("if-empty") && await catalog.GetActiveReviewIdAsync(cancellationToken) is { } active)
        {
            await output.WriteLineAsync($"検討 {active} があるため、デモは読み込みません。");
            return 0;
        }

        var now = time.GetUtcNow();
        var reviewId = "demo-" + now.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var data = DemoReview.Create();
        await writer.WriteAsync(reviewId, ReviewName, data.Tasks, data.Members, isDemo: true, now, cancellationToken);

        if (args.Has("play-seed-funnel"))
        {
            await PlaySeedFunnelAsync(reviewId, data, now, cancellationToken);
        }

        await catalog.SetActiveReviewAsync(reviewId, cancellationToken);
        foreach (var old in (await catalog.ListReviewsAsync(cancellationToken)).Where(r => r.IsDemo && r.RowKey != reviewId))
        {
            await writer.DeleteReviewAsync(old.RowKey, cancellationToken);
        }

        var funnel = ReviewQueries.Funnel((await repository.LoadAsync(reviewId, cancellationToken))!.Tasks);
        await output.WriteLineAsync($"デモの検討 {reviewId} を読み込みました: 事務 {funnel.Inventory}件、メンバー {data.Members.Count}人。");
        await output.WriteLineAsync($"ファネル: 棚卸し {funnel.Inventory} → プレWG 残す {funnel.PreWgKept}／除外 {funnel.PreWgExcluded}／未回答 {funnel.PreWgPending}"
            + $" → WG 検討対象 {funnel.WgStudyTargets} → 適否 集約化等実施済 {funnel.SuitabilityDone}／引き続き検討予定 {funnel.SuitabilityContinueLater}／検討終了 {funnel.SuitabilityClosed}");
        return 0;
    }

    private async Task PlaySeedFunnelAsync(string reviewId, DemoReviewData data, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var windows = SeedFunnelPlan.Windows(now.AddDays(-1), TimeSpan.FromDays(30));
        var plans = SeedFunnelPlan.Create(data.Tasks);
        var members = data.Members.ToDictionary(m => m.Email, StringComparer.Ordinal);
        var seeded = new List<(TaskState, IReadOnlyList<HistoryEntry>)>(data.Tasks.Count);
        foreach (var (task, plan) in data.Tasks.Zip(plans))
        {
            var assignee = members[task.Assignee];
            var applied = SeedFunnelPlan.Apply(task, plan, assignee, windows, now);
            if (!applied.Succeeded)
            {
                throw new InvalidOperationException($"Seed answer for {task.Id} refused by the rules: {applied.Error}");
            }

            seeded.Add((applied.State, History(task.Id, applied.Outcomes, now)));
        }

        await repository.SeedAsync(reviewId, seeded, cancellationToken);
        foreach (var window in windows)
        {
            await repository.UpsertWindowAsync(reviewId, window with { ClosedAt = now }, cancellationToken);
        }
    }

    /// <summary>Stage opened (version 1 → 2), then one entry per answer, each from the version the card showed.</summary>
    private static List<HistoryEntry> History(string taskId, IReadOnlyList<StageOutcome> outcomes, DateTimeOffset now)
    {
        var history = new List<HistoryEntry>
        {
            new() { TaskId = taskId, Kind = HistoryKind.StageOpened, Stage = Stage.PreWg, By = DemoMembers.All.First(m => m.IsSecretariat).Email, At = now, CardVersion = 1, ResultingVersion = 2 },
        };
        var version = 2;
        foreach (var outcome in outcomes)
        {
            history.Add(new HistoryEntry
            {
                TaskId = taskId, Kind = HistoryKind.Answer, Stage = outcome.Answer.Stage, By = outcome.AnsweredBy, At = outcome.AnsweredAt,
                CardVersion = version, ResultingVersion = version + 1, Answer = outcome.Answer, Late = outcome.Late,
            });
            version++;
        }

        return history;
    }
}
