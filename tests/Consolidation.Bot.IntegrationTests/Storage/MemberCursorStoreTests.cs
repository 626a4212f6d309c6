using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public class MemberCursorStoreTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ClaimThenMarkSent_WithTheClaimsETag_Succeeds_AndAStaleETagFails()
    {
        var store = new MemberCursorStore(StorageFactory.Tables(azurite));
        var claim = await store.TrySaveAsync("r1", new MemberCursorEntity { Email = "a@x.jp", TaskId = "J-1", TaskVersion = 2, At = DateTimeOffset.UtcNow }, null, None);
        Assert.NotNull(claim);
        var claimETag = claim.ETag;

        claim.Status = MemberCursorEntity.Sent;
        var sent = await store.TrySaveAsync("r1", claim, claimETag, None);

        Assert.NotNull(sent);
        Assert.Equal(MemberCursorEntity.Sent, (await store.GetAsync("r1", "a@x.jp", None))!.Status);
        Assert.Null(await store.TrySaveAsync("r1", new MemberCursorEntity { Email = "a@x.jp", TaskId = "J-2" }, claimETag, None));
        Assert.Null(await store.TrySaveAsync("r1", new MemberCursorEntity { Email = "a@x.jp", TaskId = "J-2" }, null, None));
    }
}
