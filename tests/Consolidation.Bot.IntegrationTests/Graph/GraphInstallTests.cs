using Consolidation.Bot.Conversations;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Graph;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Testing.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Consolidation.Bot.IntegrationTests.Graph;

/// <summary>
/// A member who never talked to the bot and shares no team with it, with Microsoft Graph configured (a Moq stand-in:
/// Graph has no local peer): the app is installed for them, the 1:1 chat Graph returns is stored, and the questionnaire
/// card arrives there. Storage is Azurite and the connector the loopback fake, as everywhere else.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class GraphInstallTests(AzuriteFixture azurite)
{
    private const string Tenant = "6b3c1f0e-2d4a-4c8e-9f71-0a5e3d2c1b90";
    private const string Chat = "19:graph-chat_abc@unq.gbl.spaces";

    [Fact]
    public async Task MemberWithNoConversation_AppInstalledThroughGraph_ThenReceivesTheCard()
    {
        await using var connector = await FakeConnector.StartAsync();
        var graph = new Mock<IDirectoryGraph>(MockBehavior.Strict);
        graph.Setup(g => g.FindUserAsync("newcomer@city.example.jp", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DirectoryUser("aad-newcomer", "newcomer@city.example.jp", "newcomer@city.example.jp", "新人 太郎"));
        graph.Setup(g => g.InstallAppAndGetChatAsync("aad-newcomer", It.IsAny<CancellationToken>())).ReturnsAsync(Chat);
        await using var services = BotServices.Create(azurite.ConnectionString, azurite.NewTablePrefix(), s =>
            s.AddSingleton(new DirectoryGraphAccess(graph.Object, new GraphOptions { ServiceUrl = connector.ServiceUrl })));

        var now = DateTimeOffset.UtcNow;
        var newcomer = new Member { Email = "newcomer@city.example.jp", Name = "新人 太郎", Subcommittees = [Subcommittee.WelfareHealth] };
        var secretariat = new Member { Email = "sec@city.example.jp", Name = "事務局", Role = MemberRole.Secretariat, AadObjectId = "aad-sec" };
        var task = new TaskDefinition { Id = "J-0001", Name = "事務1", Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth, Assignee = newcomer.Email };
        await services.GetRequiredService<ReviewImportWriter>().WriteAsync("g1", "graph", [task], [newcomer, secretariat], false, now, CancellationToken.None);
        await services.GetRequiredService<ReviewCatalog>().SetActiveReviewAsync("g1", CancellationToken.None);
        await services.GetRequiredService<StageOpeningService>().OpenAsync("g1", secretariat, Stage.PreWg, [Subcommittee.WelfareHealth], now.AddDays(7), CancellationToken.None);
        var sender = services.GetServices<IOutboxHandler>().Single(h => h.Kind == OutboxMessage.NextCard);

        var done = await sender.HandleAsync(new OutboxMessage { Kind = OutboxMessage.NextCard, ReviewId = "g1", TenantId = Tenant, Email = newcomer.Email }, CancellationToken.None);

        Assert.True(done);
        graph.Verify(g => g.InstallAppAndGetChatAsync("aad-newcomer", It.IsAny<CancellationToken>()), Times.Once);
        var card = Assert.Single(connector.Deliveries);
        Assert.Equal(Chat, card.ConversationId);
        Assert.Contains("submitAnswer", card.Activity.ToJsonString(), StringComparison.Ordinal);
        var stored = await services.GetRequiredService<ConversationReferenceStore>().GetUserAsync(Tenant, "aad-newcomer", CancellationToken.None);
        Assert.Equal(Chat, stored!.ConversationId);
        Assert.Equal(connector.ServiceUrl, stored.ServiceUrl);
    }

    [Fact]
    public async Task WithoutGraph_NoRosterMatch_MemberReportedUnreachableNotInstalled()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var services = BotServices.Create(azurite.ConnectionString, azurite.NewTablePrefix());
        Assert.Null(services.GetRequiredService<DirectoryGraphAccess>().Graph);
        var messenger = services.GetRequiredService<ProactiveMessenger>();

        var error = await Assert.ThrowsAsync<Consolidation.Bot.Protocol.Connector.ConnectorException>(() =>
            messenger.CreateUserConversationAsync(Tenant, null, "newcomer@city.example.jp", CancellationToken.None));

        Assert.True(error.IsUnreachable);
        Assert.Empty(connector.Deliveries);
    }
}

/// <summary>Subcommittee membership from Entra groups merged into the review's members (Graph mocked, storage Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public class GroupMembershipSyncTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Sync_KnownMemberGainsObjectIdAndSubcommittee_NewUserAdded_TasksKept_NewGeneration()
    {
        var graph = new Mock<IDirectoryGraph>(MockBehavior.Strict);
        graph.Setup(g => g.GroupMembersAsync("group-welfare", It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new DirectoryUser("aad-sato", "kenichi.sato@city.example.jp", "Kenichi.Sato@city.example.jp", "佐藤 健一"),
            new DirectoryUser("aad-new", "new.member@city.example.jp", null, "新井 花"),
        ]);
        var prefix = azurite.NewTablePrefix();
        await using var services = BotServices.Create(azurite.ConnectionString, prefix, s =>
        {
            s.AddSingleton(new DirectoryGraphAccess(graph.Object, new GraphOptions()));
            s.Configure<Consolidation.Bot.Hosting.ReviewOptions>(o => o.Subcommittees["福祉・健康部会"] = new Consolidation.Bot.Hosting.SubcommitteeSettings { GroupId = "group-welfare" });
        });
        var sato = new Member { Email = "kenichi.sato@city.example.jp", Name = "佐藤 健一", Role = MemberRole.Lead, Subcommittees = [Subcommittee.ChildrenEducation] };
        var task = new TaskDefinition { Id = "J-0001", Name = "事務1", Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth, Assignee = sato.Email };
        await services.GetRequiredService<ReviewImportWriter>().WriteAsync("m1", "sync", [task], [sato], false, DateTimeOffset.UtcNow, CancellationToken.None);

        var result = await services.GetRequiredService<GroupMembershipSync>().SyncAsync("m1", CancellationToken.None);
        var again = await services.GetRequiredService<GroupMembershipSync>().SyncAsync("m1", CancellationToken.None);

        Assert.Equal((1, 1, 1, ImportWriteOutcome.Imported), (result.Groups, result.Added, result.Updated, result.Outcome));
        Assert.Equal(ImportWriteOutcome.Unchanged, again.Outcome);
        var snapshot = (await services.GetRequiredService<ReviewRepository>().LoadAsync("m1", CancellationToken.None))!;
        var merged = snapshot.MemberByEmail(sato.Email)!;
        Assert.Equal("aad-sato", merged.AadObjectId);
        Assert.Equal(MemberRole.Lead, merged.Role);
        Assert.Equal([Subcommittee.ChildrenEducation, Subcommittee.WelfareHealth], merged.Subcommittees);
        var added = snapshot.MemberByEmail("new.member@city.example.jp")!;
        Assert.Equal(("aad-new", "新井 花", MemberRole.Member), (added.AadObjectId, added.Name, added.Role));
        Assert.Equal([Subcommittee.WelfareHealth], added.Subcommittees);
        Assert.Equal(task, Assert.Single(snapshot.Tasks).Definition);
        Assert.Equal(2, (await services.GetRequiredService<ReviewCatalog>().GetReviewAsync("m1", CancellationToken.None))!.Generation);
    }

    [Fact]
    public async Task SyncMembersCli_WithoutGraph_Exit64WithWhatToSet()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await Consolidation.Bot.Cli.CliApplication.RunAsync(["sync-members"], new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = azurite.NewTablePrefix(),
        }, output, error);

        Assert.Equal(64, code);
        Assert.Contains("Graph:TenantId", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Graph:Credential=ManagedIdentity", error.ToString(), StringComparison.Ordinal);
    }
}
