using Consolidation.Bot.Graph;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Testing.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Consolidation.Bot.IntegrationTests.Graph;

/// <summary>
/// The window a process kill leaves: Teams accepted the card, the cursor still says "sending". Before sending that card
/// again the outbox reads the member's chat through Microsoft Graph (a Moq stand-in: Graph has no local peer; it returns
/// what the loopback connector really received). Storage is Azurite.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class AbandonedSendTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task AbandonedClaim_CardAlreadyInTheChat_RecordedAsSentAndNotSentAgain()
    {
        var graph = new Mock<IDirectoryGraph>(MockBehavior.Strict);
        await using var setup = await KilledAfterTeamsAcceptedAsync(graph);
        var delivered = Assert.Single(setup.Connector.Deliveries);
        graph.Setup(g => g.RecentCardsInChatAsync(FanOutScenario.AadOf(1), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new PostedCard("msg-in-chat", delivered.At, delivered.Activity["attachments"]![0]!["content"]!.ToJsonString())]);

        Assert.True(await setup.SendNextCardAsync());
        Assert.True(await setup.SendNextCardAsync()); // and later messages for the member send nothing either

        Assert.Single(setup.Connector.Deliveries);
        var cursor = await setup.CursorAsync();
        Assert.Equal(MemberCursorEntity.Sent, cursor.Status);
        Assert.Equal("msg-in-chat", cursor.ActivityId);
        graph.Verify(g => g.RecentCardsInChatAsync(FanOutScenario.AadOf(1), It.Is<DateTimeOffset>(t => t <= cursor.At), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task AbandonedClaim_ChatHasOnlyAnotherVersionOfTheCard_SentOnce()
    {
        var graph = new Mock<IDirectoryGraph>(MockBehavior.Strict);
        await using var setup = await KilledAfterTeamsAcceptedAsync(graph);
        var delivered = Assert.Single(setup.Connector.Deliveries);
        var olderVersion = delivered.Activity["attachments"]![0]!["content"]!.ToJsonString().Replace($"\"version\":\"{setup.Version}\"", $"\"version\":\"{setup.Version - 1}\"", StringComparison.Ordinal);
        graph.Setup(g => g.RecentCardsInChatAsync(FanOutScenario.AadOf(1), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new PostedCard("msg-old", delivered.At, olderVersion)]);

        Assert.True(await setup.SendNextCardAsync());
        Assert.True(await setup.SendNextCardAsync());

        Assert.Equal(2, setup.Connector.Deliveries.Count); // the one "lost" by the kill and the one sent now; never a third
        Assert.Equal(MemberCursorEntity.Sent, (await setup.CursorAsync()).Status);
    }

    [Fact]
    public async Task AbandonedClaim_GraphFails_CardSentAgainRatherThanLost()
    {
        var graph = new Mock<IDirectoryGraph>(MockBehavior.Strict);
        await using var setup = await KilledAfterTeamsAcceptedAsync(graph);
        graph.Setup(g => g.RecentCardsInChatAsync(FanOutScenario.AadOf(1), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("Graph unreachable"));

        Assert.True(await setup.SendNextCardAsync());

        Assert.Equal(2, setup.Connector.Deliveries.Count);
        Assert.Equal(MemberCursorEntity.Sent, (await setup.CursorAsync()).Status);
    }

    /// <summary>
    /// Member 1's card sent for real through the loopback connector, then the cursor put back to "sending", claimed a
    /// lease ago: exactly what a process killed between Teams' 201 and the cursor update leaves behind.
    /// </summary>
    private async Task<Setup> KilledAfterTeamsAcceptedAsync(Mock<IDirectoryGraph> graph)
    {
        var connector = await FakeConnector.StartAsync();
        var prefix = azurite.NewTablePrefix();
        var scenario = new FanOutScenario(azurite.ConnectionString, prefix, connector, 2);
        await scenario.SeedAndOpenAsync(DateTimeOffset.UtcNow, None, queueCards: false);
        var services = BotServices.Create(azurite.ConnectionString, prefix, s =>
            s.AddSingleton(new DirectoryGraphAccess(graph.Object, new GraphOptions { ServiceUrl = connector.ServiceUrl })));
        var setup = new Setup(connector, services);
        Assert.True(await setup.SendNextCardAsync());
        Assert.Single(connector.Deliveries);

        var sent = await setup.CursorAsync();
        var lease = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutboxOptions>>().Value.Lease;
        var abandoned = await services.GetRequiredService<MemberCursorStore>().TrySaveAsync(FanOutScenario.ReviewId, new MemberCursorEntity
        {
            Email = sent.Email, TaskId = sent.TaskId, TaskVersion = sent.TaskVersion, Status = MemberCursorEntity.Sending,
            At = DateTimeOffset.UtcNow - lease - TimeSpan.FromSeconds(1),
        }, sent.ETag, None);
        Assert.NotNull(abandoned);
        setup.Version = sent.TaskVersion;
        return setup;
    }

    private sealed class Setup(FakeConnector connector, ServiceProvider services) : IAsyncDisposable
    {
        public FakeConnector Connector => connector;

        public int Version { get; set; }

        public Task<bool> SendNextCardAsync() => FanOutScenario.SendNextCardAsync(services, 1, None);

        public async Task<MemberCursorEntity> CursorAsync() =>
            (await services.GetRequiredService<MemberCursorStore>().GetAsync(FanOutScenario.ReviewId, Email, None))!;

        private static string Email => FanOutScenario.EmailOf(1);

        public async ValueTask DisposeAsync()
        {
            await services.DisposeAsync();
            await connector.DisposeAsync();
        }
    }
}
