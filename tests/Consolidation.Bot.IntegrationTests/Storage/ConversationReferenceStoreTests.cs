using Consolidation.Bot.Conversations;
using Consolidation.Bot.IntegrationTests.Infrastructure;

namespace Consolidation.Bot.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public class ConversationReferenceStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    private static ConversationReference User(string aad, string conversationId = "a:1chat", string serviceUrl = "https://smba.example/amer/") => new()
    {
        TenantId = "tenant-1",
        Kind = ConversationKind.User,
        ConversationId = conversationId,
        ServiceUrl = serviceUrl,
        BotId = "28:bot",
        UserId = "29:1" + aad,
        AadObjectId = aad,
        UserName = "佐藤 健一",
        Locale = "ja-JP",
        UpdatedAt = T0,
    };

    [Fact]
    public async Task UpsertIfChanged_NewUser_StoresAndReadsBack()
    {
        var store = new ConversationReferenceStore(StorageFactory.Tables(azurite));

        Assert.True(await store.UpsertIfChangedAsync(User("aad-1"), CancellationToken.None));
        var read = await store.GetUserAsync("tenant-1", "aad-1", CancellationToken.None);

        Assert.Equal(User("aad-1"), read);
    }

    [Fact]
    public async Task UpsertIfChanged_SameReferenceLater_DoesNotWrite()
    {
        var store = new ConversationReferenceStore(StorageFactory.Tables(azurite));
        await store.UpsertIfChangedAsync(User("aad-2"), CancellationToken.None);

        var wrote = await store.UpsertIfChangedAsync(User("aad-2") with { UpdatedAt = T0.AddHours(1) }, CancellationToken.None);

        Assert.False(wrote);
        Assert.Equal(T0, (await store.GetUserAsync("tenant-1", "aad-2", CancellationToken.None))!.UpdatedAt);
    }

    [Fact]
    public async Task UpsertIfChanged_ServiceUrlMoved_UpdatesAndKeepsKnownName()
    {
        var store = new ConversationReferenceStore(StorageFactory.Tables(azurite));
        await store.UpsertIfChangedAsync(User("aad-3"), CancellationToken.None);

        var moved = User("aad-3", serviceUrl: "https://smba.example/apac/") with { UserName = null, UpdatedAt = T0.AddDays(1) };
        Assert.True(await store.UpsertIfChangedAsync(moved, CancellationToken.None));

        var read = await store.GetUserAsync("tenant-1", "aad-3", CancellationToken.None);
        Assert.Equal("https://smba.example/apac/", read!.ServiceUrl);
        Assert.Equal("佐藤 健一", read.UserName);
    }

    [Fact]
    public async Task CouncilChannel_SetTwice_LastOneWins()
    {
        var store = new ConversationReferenceStore(StorageFactory.Tables(azurite));
        Assert.Null(await store.GetCouncilChannelAsync("tenant-1", CancellationToken.None));

        foreach (var channel in new[] { "19:first@thread.tacv2", "19:second@thread.tacv2" })
        {
            await store.SetCouncilChannelAsync(new ConversationReference
            {
                TenantId = "tenant-1", Kind = ConversationKind.Channel, ConversationId = channel, ServiceUrl = "https://s/",
                TeamId = "19:team@thread.tacv2", ChannelId = channel, ChannelName = "推進会議", UpdatedAt = T0,
            }, CancellationToken.None);
        }

        var council = await store.GetCouncilChannelAsync("tenant-1", CancellationToken.None);
        Assert.Equal("19:second@thread.tacv2", council!.ConversationId);
        Assert.Equal("推進会議", council.ChannelName);
    }

    [Fact]
    public async Task ListAsync_MixedKinds_ReturnsOnlyThatKindOfThatTenant()
    {
        var store = new ConversationReferenceStore(StorageFactory.Tables(azurite));
        await store.UpsertIfChangedAsync(User("aad-a"), CancellationToken.None);
        await store.UpsertIfChangedAsync(User("aad-b"), CancellationToken.None);
        await store.UpsertIfChangedAsync(User("aad-c") with { TenantId = "tenant-2" }, CancellationToken.None);
        await store.UpsertIfChangedAsync(new ConversationReference
        {
            TenantId = "tenant-1", Kind = ConversationKind.Team, ConversationId = "19:team@thread.tacv2", ServiceUrl = "https://s/",
            TeamId = "19:team@thread.tacv2", UpdatedAt = T0,
        }, CancellationToken.None);

        var users = await store.ListAsync("tenant-1", ConversationKind.User, CancellationToken.None);
        var teams = await store.ListAsync("tenant-1", ConversationKind.Team, CancellationToken.None);

        Assert.Equal(["aad-a", "aad-b"], users.Select(u => u.AadObjectId).Order());
        Assert.Equal("19:team@thread.tacv2", Assert.Single(teams).TeamId);
    }

    [Fact]
    public async Task DeleteUser_Stored_IsGone()
    {
        var store = new ConversationReferenceStore(StorageFactory.Tables(azurite));
        await store.UpsertIfChangedAsync(User("aad-d"), CancellationToken.None);

        await store.DeleteUserAsync("tenant-1", "aad-d", CancellationToken.None);

        Assert.Null(await store.GetUserAsync("tenant-1", "aad-d", CancellationToken.None));
    }

    [Fact]
    public async Task DeleteUser_ThenTheSameReferenceAgain_IsWrittenAgainNotSkippedAsRemembered()
    {
        var store = new ConversationReferenceStore(StorageFactory.Tables(azurite));
        Assert.True(await store.UpsertIfChangedAsync(User("aad-e"), CancellationToken.None));
        Assert.False(await store.UpsertIfChangedAsync(User("aad-e"), CancellationToken.None));

        await store.DeleteUserAsync("tenant-1", "aad-e", CancellationToken.None);

        Assert.True(await store.UpsertIfChangedAsync(User("aad-e"), CancellationToken.None));
        Assert.Equal(User("aad-e"), await store.GetUserAsync("tenant-1", "aad-e", CancellationToken.None));
    }

    [Fact]
    public async Task UpsertIfChanged_ChangedConversation_IsWrittenDespiteTheRememberedOne()
    {
        var store = new ConversationReferenceStore(StorageFactory.Tables(azurite));
        await store.UpsertIfChangedAsync(User("aad-f"), CancellationToken.None);

        var moved = User("aad-f") with { ConversationId = "a:new-chat" };

        Assert.True(await store.UpsertIfChangedAsync(moved, CancellationToken.None));
        Assert.Equal("a:new-chat", (await store.GetUserAsync("tenant-1", "aad-f", CancellationToken.None))!.ConversationId);
    }

    [Fact]
    public async Task UpsertIfChanged_IdWithForbiddenKeyCharacters_RoundTrips()
    {
        var store = new ConversationReferenceStore(StorageFactory.Tables(azurite));
        var odd = User("odd/id#with?chars") with { AadObjectId = null, UserId = "29:odd/id#with?chars" };

        await store.UpsertIfChangedAsync(odd, CancellationToken.None);

        Assert.Equal(odd, await store.GetUserAsync("tenant-1", "29:odd/id#with?chars", CancellationToken.None));
    }

    [Fact]
    public async Task Warm_RemembersStoredUsers_SoAnUnchangedReferenceNeedsNoStorageAndAChangedOneIsWritten()
    {
        var prefix = azurite.NewTablePrefix();
        var writer = new ConversationReferenceStore(StorageFactory.Tables(azurite, prefix));
        await writer.UpsertIfChangedAsync(User("aad-w1"), CancellationToken.None);
        await writer.UpsertIfChangedAsync(User("aad-w2"), CancellationToken.None);

        var started = new ConversationReferenceStore(StorageFactory.Tables(azurite, prefix)); // a bot instance starting up
        Assert.Equal(2, await started.WarmAsync(T0.AddHours(1), CancellationToken.None));

        // Probe: the row disappears behind the started instance's back; an unchanged reference is still answered from memory.
        await writer.DeleteUserAsync("tenant-1", "aad-w1", CancellationToken.None);
        Assert.False(await started.UpsertIfChangedAsync(User("aad-w1") with { UpdatedAt = T0.AddHours(1).AddMinutes(1) }, CancellationToken.None));
        Assert.Null(await started.GetUserAsync("tenant-1", "aad-w1", CancellationToken.None));

        // A changed reference is written as always.
        var moved = User("aad-w2", serviceUrl: "https://smba.example/apac/") with { UpdatedAt = T0.AddHours(1).AddMinutes(1) };
        Assert.True(await started.UpsertIfChangedAsync(moved, CancellationToken.None));
        Assert.Equal("https://smba.example/apac/", (await started.GetUserAsync("tenant-1", "aad-w2", CancellationToken.None))!.ServiceUrl);
    }
}
