using System.Text;
using System.Text.Json.Nodes;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Testing.Scenarios;

namespace Consolidation.Bot.IntegrationTests.EndToEnd;

/// <summary>
/// A status question the bot cannot answer in time because the whole review is still being read (right after a start
/// at 100,000 tasks it takes about 25 s): the asker is told to ask again, instead of silence past the turn timeout.
/// Here the patience is zero, so every whole-review read that has to go to storage counts as "still being read".
/// </summary>
[Collection(AzuriteCollection.Name)]
public class StatusWhileLoadingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task StatusQuestion_ReviewNotReadWithinThePatience_AskerToldToAskAgain()
    {
        await using var connector = await FakeConnector.StartAsync();
        var scenario = new FanOutScenario(azurite.ConnectionString, azurite.NewTablePrefix(), connector, 3);
        await scenario.SeedAndOpenAsync(DateTimeOffset.UtcNow, CancellationToken.None, queueCards: false);
        await using var bot = BotProcess.Start(FreePort.Next(), scenario.BotSettings(new Dictionary<string, string?>
        {
            ["Review:StatusPatience"] = "00:00:00",
            ["Logging:LogLevel:Default"] = "Information",
        }));
        await bot.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        // The start-up warmer reads the review into memory; within the catalog's freshness (1 s) a question would be
        // answered from that read at once (seen in a loaded full-suite run). After it, the read goes to storage again,
        // unless a background reader (the sweep, the outbox) has just read the catalog: then the question is answered,
        // and it is asked again after the next freshness window (at most three times; once is the usual).
        await bot.WaitForAsync(() => bot.Output.Contains("[3210]", StringComparison.Ordinal), "the start-up read of the review");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var replies = new List<string?>();
        for (var attempt = 0; attempt < 3 && !replies.Any(IsStillLoading); attempt++)
        {
            await Task.Delay(Consolidation.Bot.Review.Storage.ReviewCatalog.Freshness + TimeSpan.FromMilliseconds(300));
            var before = connector.Deliveries.Count;
            using var response = await http.PostAsync(bot.MessagesUrl, new StringContent(Question("全体の進捗は？", connector.ServiceUrl).ToJsonString(), Encoding.UTF8, "application/json"));
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
            var reply = Assert.Single(connector.Deliveries.Skip(before));
            Assert.Equal(Chat, reply.ConversationId);
            replies.Add((string?)reply.Activity["text"]);
        }

        Assert.Contains(replies, IsStillLoading);
        Assert.Contains("[3602]", bot.Output, StringComparison.Ordinal);
    }

    private const string Chat = "a:status-secretariat";

    private static bool IsStillLoading(string? text) => text?.Contains("集計の準備中です", StringComparison.Ordinal) == true;

    private static JsonObject Question(string text, string serviceUrl) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:status-secretariat", ["name"] = "事務局", ["aadObjectId"] = "aad-fanout-secretariat" },
        ["recipient"] = new JsonObject { ["id"] = "28:fanout-bot", ["name"] = "集約化ボット" },
        ["conversation"] = new JsonObject { ["id"] = Chat, ["conversationType"] = "personal", ["tenantId"] = FanOutScenario.TenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = FanOutScenario.TenantId } },
        ["locale"] = "ja-JP",
        ["text"] = text,
    };
}
