using System.Text;
using Azure.Data.Tables;
using Consolidation.Bot.Cli;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.IntegrationTests.Cli;

/// <summary>The CLI verbs against Azurite, each test on its own table prefix.</summary>
[Collection(AzuriteCollection.Name)]
public class CliTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private sealed class Run(AzuriteFixture azurite)
    {
        public string Prefix { get; } = azurite.NewTablePrefix();

        public Dictionary<string, string?> Settings => new()
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = Prefix,
        };

        public TableClientProvider Tables => new(new TableServiceClient(azurite.ConnectionString),
            Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = Prefix }));

        public ReviewCatalog Catalog => new(Tables, TimeProvider.System);

        public ReviewRepository Repository => new(Tables, Catalog, TimeProvider.System);

        public async Task<(int Exit, string Output)> CliAsync(params string[] args)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await CliApplication.RunAsync(args, Settings, output, error);
            return (exit, output + error.ToString());
        }

        public async Task<List<string>> AllRowsAsync()
        {
            var rows = new List<string>();
            foreach (var name in new[] { TableNames.Reviews, TableNames.ReviewData })
            {
                var table = await Tables.GetAsync(name, None);
                await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
                {
                    rows.Add($"{name}/{row.PartitionKey}/{row.RowKey}/{row.ETag}");
                }
            }

            rows.Sort(StringComparer.Ordinal);
            return rows;
        }
    }

    private static string Sample(string name) => Path.Combine(RepoPaths.Root, "samples", name);

    [Fact]
    public async Task Demo_PlaySeedFunnel_FunnelIsExactlyTheSeeds()
    {
        var run = new Run(azurite);

        var (exit, output) = await run.CliAsync("demo", "--play-seed-funnel");

        Assert.Equal(0, exit);
        var reviewId = await run.Catalog.GetActiveReviewIdAsync(None);
        var snapshot = await run.Repository.LoadAsync(reviewId!, None);
        var funnel = ReviewQueries.Funnel(snapshot!.Tasks);
        Assert.Equal((812, 342, 470, 0), (funnel.Inventory, funnel.PreWgKept, funnel.PreWgExcluded, funnel.PreWgPending));
        Assert.Equal((276, 66, 0), (funnel.WgStudyTargets, funnel.WgNotTargets, funnel.WgPending));
        Assert.Equal((6, 233, 37, 0), (funnel.SuitabilityDone, funnel.SuitabilityContinueLater, funnel.SuitabilityClosed, funnel.SuitabilityPending));
        Assert.Contains("812", output, StringComparison.Ordinal);
        var history = await run.Repository.GetHistoryAsync(reviewId!, "J-0001", None);
        Assert.Equal(HistoryKind.StageOpened, history[0].Kind);
        Assert.All(history.Skip(1), h => Assert.Equal(HistoryKind.Answer, h.Kind));
    }

    [Fact]
    public async Task Demo_Twice_ReplacesTheEarlierDemo()
    {
        var run = new Run(azurite);
        await run.CliAsync("demo", "--play-seed-funnel");
        var first = await run.Catalog.GetActiveReviewIdAsync(None);

        var (exit, _) = await run.CliAsync("demo");

        Assert.Equal(0, exit);
        var second = await run.Catalog.GetActiveReviewIdAsync(None);
        Assert.NotEqual(first, second);
        Assert.Equal([second], (await run.Catalog.ListReviewsAsync(None)).Select(r => r.RowKey));
        Assert.DoesNotContain(await run.AllRowsAsync(), r => r.Contains(first!, StringComparison.Ordinal));
        var funnel = ReviewQueries.Funnel((await run.Repository.LoadAsync(second!, None))!.Tasks);
        Assert.Equal((812, 0, 812), (funnel.Inventory, funnel.PreWgKept, funnel.PreWgPending));
    }

    [Fact]
    public async Task Demo_IfEmptyWithAReview_ChangesNothing()
    {
        var run = new Run(azurite);
        await run.CliAsync("demo");
        var before = await run.AllRowsAsync();

        var (exit, _) = await run.CliAsync("demo", "--if-empty");

        Assert.Equal(0, exit);
        Assert.Equal(before, await run.AllRowsAsync());
    }

    [Fact]
    public async Task Import_Samples_ThenSameAgain_SecondChangesNothing()
    {
        var run = new Run(azurite);

        var (exit, output) = await run.CliAsync("import", "--tasks", Sample("tasks.sample.csv"), "--members", Sample("members.sample.csv"));
        Assert.True(exit == 0, output);
        var before = await run.AllRowsAsync();

        var (again, againOutput) = await run.CliAsync("import", "--tasks", Sample("tasks.sample.csv"), "--members", Sample("members.sample.csv"));

        Assert.Equal(0, again);
        Assert.Contains("変更はありません", againOutput, StringComparison.Ordinal);
        Assert.Equal(before, await run.AllRowsAsync());
        var snapshot = await run.Repository.LoadAsync("main", None);
        Assert.Equal(10, snapshot!.Tasks.Count);
    }

    [Fact]
    public async Task Import_FileWithFiveKindsOfBadRows_ListsEveryErrorAndStoresNothing()
    {
        var run = new Run(azurite);
        await run.CliAsync("import", "--tasks", Sample("tasks.sample.csv"), "--members", Sample("members.sample.csv"));
        var before = await run.AllRowsAsync();
        var bad = Path.Combine(Directory.CreateTempSubdirectory().FullName, "bad.csv");
        await File.WriteAllTextAsync(bad, string.Join("\n",
            "事務ID,事務名,所管局,部会,担当者,先行検討テーマ,標準化対象事務,年間件数,従事時間",
            "X-1,,市民局,福祉,sato@city.example.jp,,,10,1",
            "X-2,犬の登録,環境局,総務部会,sato@city.example.jp,,,10,1",
            "X-2,狂犬病予防注射,環境局,まちづくり,sato@city.example.jp,,,10,1",
            "X-4,道路占用許可,建設局,まちづくり,nobody@city.example.jp,,,10,1",
            "X-5,印鑑登録,市民局,くらし,sato@city.example.jp,,,たくさん,1"), new UTF8Encoding(false));

        var (exit, output) = await run.CliAsync("import", "--tasks", bad);

        Assert.Equal(2, exit);
        Assert.Contains("2行目 事務名", output, StringComparison.Ordinal);
        Assert.Contains("3行目 部会", output, StringComparison.Ordinal);
        Assert.Contains("4行目 事務ID", output, StringComparison.Ordinal);
        Assert.Contains("5行目 担当者", output, StringComparison.Ordinal);
        Assert.Contains("6行目 年間件数", output, StringComparison.Ordinal);
        Assert.Contains("何も保存していません", output, StringComparison.Ordinal);
        Assert.Equal(before, await run.AllRowsAsync());
    }

    [Fact]
    public async Task Import_FileOf30Megabytes_RefusedWithTheLimitAndStoresNothing()
    {
        var run = new Run(azurite);
        await run.CliAsync("import", "--tasks", Sample("tasks.sample.csv"), "--members", Sample("members.sample.csv"));
        var before = await run.AllRowsAsync();
        var big = Path.Combine(Directory.CreateTempSubdirectory().FullName, "big.csv");
        await using (var file = File.Create(big))
        {
            file.SetLength(30L * 1024 * 1024);
        }

        var (exit, output) = await run.CliAsync("import", "--tasks", big);

        Assert.Equal(2, exit);
        Assert.Contains("ファイルが大きすぎます（上限 20 MB）", output, StringComparison.Ordinal);
        Assert.Contains("何も保存していません", output, StringComparison.Ordinal);
        Assert.Equal(before, await run.AllRowsAsync());
    }

    [Fact]
    public async Task Import_ShiftJisCsv_ImportsJapaneseText()
    {
        var run = new Run(azurite);
        var members = Sample("members.sample.csv");
        var utf8 = await File.ReadAllTextAsync(Sample("tasks.sample.csv"));
        var sjis = Path.Combine(Directory.CreateTempSubdirectory().FullName, "tasks-sjis.csv");
        await File.WriteAllBytesAsync(sjis, CodePagesEncodingProvider.Instance.GetEncoding(932)!.GetBytes(utf8.TrimStart('\uFEFF')));

        var (exit, output) = await run.CliAsync("import", "--tasks", sjis, "--members", members);

        Assert.True(exit == 0, output);
        var snapshot = await run.Repository.LoadAsync("main", None);
        Assert.Contains(snapshot!.Tasks, t => t.Definition.Name.Any(c => c > 0x3000));
    }

    [Fact]
    public async Task Export_ThenImportIntoAnotherReview_PreservesTasks()
    {
        var run = new Run(azurite);
        await run.CliAsync("demo", "--play-seed-funnel");
        var reviewId = await run.Catalog.GetActiveReviewIdAsync(None);
        var xlsx = Path.Combine(Directory.CreateTempSubdirectory().FullName, "review.xlsx");

        var (exit, output) = await run.CliAsync("export", "--out", xlsx);
        Assert.True(exit == 0, output);
        var membersCsv = Path.Combine(Path.GetDirectoryName(xlsx)!, "members.csv");
        await File.WriteAllLinesAsync(membersCsv, Consolidation.Bot.Demo.DemoMembers.All
            .Select(m => $"{m.Email},{m.Name},{m.Role.ToString().ToLowerInvariant()},{string.Join(';', m.Subcommittees.Select(x => x.JapaneseName()))}")
            .Prepend("email,name,role,subcommittee"));
        var (imported, importOutput) = await run.CliAsync("import", "--tasks", xlsx, "--members", membersCsv, "--review", "copy");

        Assert.True(imported == 0, importOutput);
        var original = (await run.Repository.LoadAsync(reviewId!, None))!.Tasks.Select(t => t.Definition).ToList();
        var copy = (await run.Repository.LoadAsync("copy", None))!.Tasks.Select(t => t.Definition).ToList();
        Assert.Equal(812, copy.Count);
        Assert.Equal(original, copy);
    }

    [Fact]
    public async Task OpenStage_AfterDemo_OpensWelfarePreWgAndQueuesOneMessagePerAssignee()
    {
        var run = new Run(azurite);
        await run.CliAsync("demo");
        var deadline = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var (exit, output) = await run.CliAsync("open-stage", "--stage", "prewg", "--subcommittee", "福祉", "--deadline", deadline, "--card", "batch", "--tenant", "tenant-1");

        Assert.True(exit == 0, output);
        Assert.Equal(PreWgCardMode.Batch, Assert.Single((await run.Repository.LoadAsync((await run.Catalog.GetActiveReviewIdAsync(None))!, None))!.Windows).CardMode);
        var snapshot = await run.Repository.LoadAsync((await run.Catalog.GetActiveReviewIdAsync(None))!, None);
        var welfare = snapshot!.Tasks.Where(t => t.Subcommittee == Subcommittee.WelfareHealth).ToList();
        Assert.All(welfare, t => Assert.Equal(Stage.PreWg, t.Stage));
        Assert.All(snapshot.Tasks.Except(welfare), t => Assert.Equal(Stage.Inventory, t.Stage));
        var window = Assert.Single(snapshot.Windows);
        Assert.Equal((Stage.PreWg, Subcommittee.WelfareHealth), (window.Stage, window.Subcommittee));
        var assignees = welfare.Select(t => t.Definition.Assignee).Distinct().Count();
        var outbox = new Consolidation.Bot.Outbox.OutboxClient(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = run.Prefix }), Microsoft.Extensions.Logging.Abstractions.NullLogger<Consolidation.Bot.Outbox.OutboxClient>.Instance);
        Assert.Equal(assignees, await outbox.ApproximateCountAsync(None));
        Assert.Contains("プレWGを開始しました", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("open-stage", "--stage", "prewg", "--subcommittee", "all", "--deadline", "2099-01-01")]
    [InlineData("open-stage", "--stage", "nope", "--subcommittee", "all", "--deadline", "2099-01-01", "--tenant", "t")]
    [InlineData("open-stage", "--stage", "prewg", "--subcommittee", "all", "--deadline", "2099-01-01", "--card", "some", "--tenant", "t")]
    [InlineData("open-stage", "--stage", "wg", "--subcommittee", "all", "--deadline", "2099-01-01", "--card", "batch", "--tenant", "t")]
    [InlineData("import")]
    [InlineData("import", "--tasks", "/nonexistent.csv")]
    [InlineData("export")]
    [InlineData("demo", "--bogus")]
    public async Task BadUsage_ExitsWith64AndUsage(params string[] args)
    {
        var run = new Run(azurite);

        var (exit, output) = await run.CliAsync(args);

        Assert.Equal(64, exit);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }
}
