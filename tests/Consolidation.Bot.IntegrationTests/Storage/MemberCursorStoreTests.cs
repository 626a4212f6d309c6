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

    [Fact]
    public async Task RecordUnreachable_TrueTheFirstTimeOnly_TheLatestReasonKept()
    {
        var store = new MemberCursorStore(StorageFactory.Tables(azurite));
        var at = DateTimeOffset.UtcNow;

        Assert.True(await store.RecordUnreachableAsync("r-unreachable", "A@X.jp", "BotNotInConversationRoster", at, None));
        Assert.False(await store.RecordUnreachableAsync("r-unreachable", "a@x.jp", "NotFound", at.AddMinutes(5), None));

        var row = Assert.Single(await store.ListUnreachableAsync("r-unreachable", None));
        Assert.Equal(("a@x.jp", "NotFound"), (row.Email, row.Reason));
    }
}
