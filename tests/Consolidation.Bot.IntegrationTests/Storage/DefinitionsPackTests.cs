using Azure.Data.Tables;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.IntegrationTests.Storage;

/// <summary>
/// An import also writes its generation as a compressed pack; a process reads the generation from the pack, and what it
/// reads is what the rows hold. Imports without a pack (older ones), or with a pack of a later format, are read row by row.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class DefinitionsPackTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Import_WritesAPack_TheGenerationReadFromItEqualsTheRows()
    {
        var s = new ReviewStorage(azurite);
        var tasks = Enumerable.Range(1, 250).Select(Varied).ToList();
        Member[] members = [ReviewStorage.Secretariat, .. Enumerable.Range(1, 5).Select(ReviewStorage.Assignee), ReviewStorage.Assignee(6) with { AadObjectId = null, Reading = "くちょうろく" }];
        await s.Writer.WriteAsync(ReviewStorage.ReviewId, "n", tasks, members, false, s.Time.GetUtcNow(), None);
        var partition = await PartitionAsync(s);
        Assert.NotEmpty(await PackRowsAsync(s, partition));

        var fromPack = await new ReviewStorage(azurite, tablesOf: s).Repository.LoadAsync(ReviewStorage.ReviewId, None);
        await DeletePackAsync(s, partition);
        var fromRows = await new ReviewStorage(azurite, tablesOf: s).Repository.LoadAsync(ReviewStorage.ReviewId, None);

        Assert.Equal(tasks, fromPack!.Tasks.Select(t => t.Definition));
        Assert.Equal(fromRows!.Tasks.Select(t => t.Definition), fromPack.Tasks.Select(t => t.Definition));
        Assert.Equal(fromRows.Members, fromPack.Members);
        Assert.Equal(7, fromPack.Members.Count);
    }

    [Fact]
    public async Task APackOfALaterFormat_IsNotTrusted_TheRowsAreRead()
    {
        var s = new ReviewStorage(azurite);
        var tasks = Enumerable.Range(1, 20).Select(Varied).ToList();
        await s.Writer.WriteAsync(ReviewStorage.ReviewId, "n", tasks, [ReviewStorage.Assignee(1), ReviewStorage.Assignee(2)], false, s.Time.GetUtcNow(), None);
        var partition = await PartitionAsync(s);
        var first = (await PackRowsAsync(s, partition))[0];
        first["Format"] = 2;
        first["P00"] = new byte[] { 1, 2, 3 };
        await (await s.Tables.GetAsync(TableNames.ReviewData, None)).UpdateEntityAsync(first, first.ETag, TableUpdateMode.Replace);

        var snapshot = await new ReviewStorage(azurite, tablesOf: s).Repository.LoadAsync(ReviewStorage.ReviewId, None);

        Assert.Equal(tasks, snapshot!.Tasks.Select(t => t.Definition));
    }

    [Fact]
    public async Task ALargeGeneration_SpreadOverSeveralPackRows_EachUnderTheEntityLimit_ReadBackWhole()
    {
        var s = new ReviewStorage(azurite);
        var table = await s.Tables.GetAsync(TableNames.ReviewData, None);
        var random = new Random(19);
        // Names that do not compress: the pack needs more than one row.
        var tasks = Enumerable.Range(0, 6_000).Select(i => ReviewEntityMapper.ToEntity(
            ReviewStorage.Task(i + 1) with { Name = Convert.ToHexString(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 120)) }, "p1", i)).ToList();
        var members = new[] { ReviewEntityMapper.ToEntity(ReviewStorage.Assignee(1), "p1") };

        var rows = DefinitionsPack.Rows("p1", tasks, members);
        foreach (var row in rows)
        {
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace);
        }

        Assert.True(rows.Count >= 2, $"{rows.Count} pack row(s)");
        Assert.All(rows, r => Assert.True(r.Select(p => p.Value).OfType<byte[]>().Sum(b => b.Length) <= DefinitionsPack.PartsPerRow * DefinitionsPack.PartBytes));
        var read = await DefinitionsPack.ReadAsync(table, "p1", None);
        Assert.Equal(tasks.Select(t => (t.Id, t.Name, t.Order)), read!.Tasks.Select(t => (t.Id, t.Name, t.Order)));
        Assert.Equal("ward1@city.example.jp", Assert.Single(read.Members).Email);
    }

    private static TaskDefinition Varied(int i) => ReviewStorage.Task(i, assignee: i % 5 + 1) with
    {
        StageAssignees = i % 3 == 0 ? new Dictionary<Stage, string> { [Stage.Wg] = ReviewStorage.Assignee(2).Email } : TaskDefinition.NoStageEmails,
        Theme = i % 4 == 0 ? PrecedingTheme.ReceivablesManagement : null,
        StandardBusiness = i % 2 == 0 ? "標準業務" : null,
        AnnualCases = i % 7 == 0 ? null : i,
    };

    private static async Task<string> PartitionAsync(ReviewStorage s) =>
        ReviewKeys.DefinitionPartitionOf(ReviewStorage.ReviewId, (await s.Catalog.ReadReviewAsync(ReviewStorage.ReviewId, None))!);

    private static async Task<List<TableEntity>> PackRowsAsync(ReviewStorage s, string partition) =>
        await PrefixQuery.ListAsync<TableEntity>(await s.Tables.GetAsync(TableNames.ReviewData, None), partition, DefinitionsPack.Prefix, None);

    private static async Task DeletePackAsync(ReviewStorage s, string partition)
    {
        var table = await s.Tables.GetAsync(TableNames.ReviewData, None);
        foreach (var row in await PackRowsAsync(s, partition))
        {
            await table.DeleteEntityAsync(row);
        }
    }
}
