using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Testing.Scenarios;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Faults;

/// <summary>
/// Two bot instances on one store (each its own services, as two processes would have): the outbox on one instance must
/// decide what to send on what storage holds, not on its memory of the review, which can be another instance's answer
/// behind. Otherwise the card in hand looks unanswered and the member's next card is never sent.
/// </summary>
[Collection(FaultsCollection.Name)]
public class TwoInstanceOutboxTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task NextCard_OnTheInstanceWhoseMemoryMissedTheAnswer_SendsTheNextStagesCard()
    {
        await using var connector = await FakeConnector.StartAsync();
        var prefix = azurite.NewTablePrefix();
        var scenario = new FanOutScenario(azurite.ConnectionString, prefix, connector, 2);
        var now = DateTimeOffset.UtcNow;
        await scenario.SeedAndOpenAsync(now, None, queueCards: false);
        await scenario.OpenWindowsAsync(Stage.Wg, now, None);
        await using var here = BotServices.Create(azurite.ConnectionString, prefix);
        await using var other = BotServices.Create(azurite.ConnectionString, prefix);

        // This instance sends member 1's pre-WG card and holds the whole review in memory.
        Assert.True(await FanOutScenario.SendNextCardAsync(here, 1, None));
        Assert.Contains("\"stage\":\"PreWg\"", Assert.Single(connector.Deliveries).Activity.ToJsonString(), StringComparison.Ordinal);
        Assert.NotNull(await here.GetRequiredService<ReviewRepository>().LoadAsync(FanOutScenario.ReviewId, None));

        // The other instance stores member 1's answer: "keep" takes the task into WG, which is open.
        var task = (await other.GetRequiredService<ReviewRepository>().GetTaskAsync(FanOutScenario.ReviewId, FanOutScenario.TaskOf(1), None))!.Task;
        var stored = await FanOutScenario.AnswerPreWgAsync(other, 1, task.State.Version, None);
        Assert.Equal(SubmissionStatus.Accepted, stored.Status);

        // The next-card message is handled here: the WG card goes out.
        Assert.True(await FanOutScenario.SendNextCardAsync(here, 1, None));

        Assert.Equal(2, connector.Deliveries.Count);
        Assert.Contains("\"stage\":\"Wg\"", connector.Deliveries[1].Activity.ToJsonString(), StringComparison.Ordinal);
    }
}
