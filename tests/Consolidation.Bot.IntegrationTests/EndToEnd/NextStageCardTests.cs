using System.Text;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Testing.Scenarios;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.EndToEnd;

/// <summary>
/// An answer that takes the task into a stage that is already open, for the same member (pre-WG "keep" while WG is
/// open): the member's next card is that task's WG card, even when it was their only task.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class NextStageCardTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task PreWgKeep_WhileWgIsOpen_OnlyTask_TheWgCardIsSentNext()
    {
        await using var connector = await FakeConnector.StartAsync();
        var prefix = azurite.NewTablePrefix();
        var scenario = new FanOutScenario(azurite.ConnectionString, prefix, connector, 2);
        var now = DateTimeOffset.UtcNow;
        await scenario.SeedAndOpenAsync(now, CancellationToken.None, queueCards: false);
        await scenario.OpenWindowsAsync(Stage.Wg, now, CancellationToken.None);
        int version;
        await using (var services = BotServices.Create(azurite.ConnectionString, prefix))
        {
            version = (await services.GetRequiredService<ReviewRepository>().GetTaskAsync(FanOutScenario.ReviewId, FanOutScenario.TaskOf(1), CancellationToken.None))!.Task.State.Version;
        }

        await using var bot = BotProcess.Start(FreePort.Next(), scenario.BotSettings());
        await bot.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.PostAsync(bot.MessagesUrl, new StringContent(
            AnswerInvokes.ValidPreWg(connector.ServiceUrl, 1, FanOutScenario.TaskOf(1), version).ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Contains("回答済み", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (connector.Deliveries.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var card = Assert.Single(connector.Deliveries);
        Assert.Equal(FanOutScenario.ConversationOf(1), card.ConversationId);
        Assert.Contains("\"stage\":\"Wg\"", card.Activity.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains($"\"version\":\"{version + 1}\"", card.Activity.ToJsonString(), StringComparison.Ordinal);
    }
}
