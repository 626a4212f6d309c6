using Consolidation.Bot.Domain;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Consolidation.Bot.IntegrationTests.Infrastructure;

/// <summary>The review storage services on the test Azurite with a fresh table prefix, and a small review to work on.</summary>
public sealed class ReviewStorage
{
    /// <param name="tablesOf">Another <see cref="ReviewStorage"/> whose tables to share: a second bot instance on the same store.</param>
    public ReviewStorage(AzuriteFixture azurite, DateTimeOffset? now = null, ReviewStorage? tablesOf = null)
    {
        var tables = tablesOf?.Tables ?? StorageFactory.Tables(azurite);
        Tables = tables;
        Time = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 12, 10, 0, 0, 0, TimeSpan.Zero));
        Catalog = new ReviewCatalog(tables, Time);
        Repository = new ReviewRepository(tables, Catalog, Time);
        Writer = new ReviewImportWriter(tables, Catalog, Repository);
        Decisions = new DecisionService(Repository, Time, NullLogger<DecisionService>.Instance);
    }

    public const string ReviewId = "r1";

    public Consolidation.Bot.Storage.TableClientProvider Tables { get; }

    public ReviewCatalog Catalog { get; }
    public ReviewRepository Repository { get; }
    public ReviewImportWriter Writer { get; }
    public DecisionService Decisions { get; }
    public FakeTimeProvider Time { get; }

    public static readonly Member Secretariat = new() { Email = "yamada@city.example.jp", Name = "山田 花子", Role = MemberRole.Secretariat, AadObjectId = "aad-sec" };

    /// <summary>A valid プレWG answer (keep the task in the ward office).</summary>
    public static PreWgAnswer Keep => new() { Routine = true, Decision = PreWgDecision.Keep, AnnualCases = 10 };

    public static Member Assignee(int i) => new() { Email = $"ward{i}@city.example.jp", Name = $"区長{i}", AadObjectId = $"aad-ward{i}", Subcommittees = [Subcommittee.WelfareHealth] };

    public static TaskDefinition Task(int i, int assignee = 1) => new()
    {
        Id = $"J-{i:D4}",
        Name = $"事務{i}",
        Bureau = "福祉局",
        Subcommittee = Subcommittee.WelfareHealth,
        Assignee = Assignee(assignee).Email,
        AnnualCases = 100 * i,
        StaffHours = 12.5m,
    };

    /// <summary>Imports <paramref name="count"/> tasks (assignee i for task i when <paramref name="oneAssigneeEach"/>) and opens pre-WG.</summary>
    public async Task SeedAsync(int count, bool oneAssigneeEach = false)
    {
        var tasks = Enumerable.Range(1, count).Select(i => Task(i, oneAssigneeEach ? i : 1)).ToList();
        var members = Enumerable.Range(1, oneAssigneeEach ? count : 1).Select(Assignee).Append(Secretariat).ToList();
        await Writer.WriteAsync(ReviewId, "テスト", tasks, members, isDemo: false, Time.GetUtcNow(), CancellationToken.None);
        await Repository.UpsertWindowAsync(ReviewId, new StageWindow
        {
            Stage = Stage.PreWg, Subcommittee = Subcommittee.WelfareHealth, OpenedAt = Time.GetUtcNow(), Deadline = Time.GetUtcNow().AddDays(10),
        }, CancellationToken.None);
        var snapshot = await Repository.LoadAsync(ReviewId, CancellationToken.None);
        var entered = new List<(StoredTask, TaskState, HistoryEntry)>();
        foreach (var task in snapshot!.Tasks)
        {
            var after = ReviewRules.EnterFirstStage(task.State, Time.GetUtcNow());
            entered.Add((new StoredTask(task, null), after, new HistoryEntry
            {
                TaskId = task.Id, Kind = HistoryKind.StageOpened, Stage = Stage.PreWg, By = Secretariat.Email, At = Time.GetUtcNow(),
                CardVersion = task.State.Version, ResultingVersion = after.Version,
            }));
        }

        await Repository.CommitManyAsync(ReviewId, entered, CancellationToken.None);
    }
}
