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
