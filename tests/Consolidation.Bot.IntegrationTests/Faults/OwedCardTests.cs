using System.Text;
using Azure.Storage.Queues;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Testing.Scenarios;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Faults;

/// <summary>
/// No lost write, no lost card, against the real bot process and Azurite: an answer stored while its next card cannot be
/// queued, a stage opened whose cards were never queued, and unreadable messages put on the outbox queue.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class OwedCardTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> FastSweep = new()
    {
        ["Outbox:SweepInterval"] = "00:00:01",
        ["Logging:LogLevel:Consolidation.Bot.Features.Questionnaire.NextCardSweeper"] = "Debug",
        ["Outbox:PollInterval"] = "00:00:00.100",
    };

    [Fact]
    public async Task AnswerStored_NextCardCannotBeQueued_AnsweredCardShownAndTheNextCardStillSent()
    {
        await using var connector = await FakeConnector.StartAsync();
        var scenario = new FanOutScenario(azurite.ConnectionString, azurite.NewTablePrefix(), connector, 1);
        var now = DateTimeOffset.UtcNow;
        await scenario.SeedAndOpenAsync(now, CancellationToken.None);
        await scenario.OpenWindowsAsync(Stage.Wg, now, CancellationToken.None);
        await using var bot = BotProcess.Start(FreePort.Next(), scenario.BotSettings(FastSweep));
        await bot.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        await bot.WaitForAsync(() => connector.Deliveries.Count == 1, "the pre-WG card");
        var version = await VersionAsync(scenario);

        // The outbox queue disappears (a storage fault that hits queues, not tables) just before the member answers.
        var queue = new QueueClient(azurite.ConnectionString, scenario.OutboxQueueName);
        await queue.DeleteAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.PostAsync(bot.MessagesUrl, new StringContent(
            AnswerInvokes.ValidPreWg(connector.ServiceUrl, 1, FanOutScenario.TaskOf(1), version).ToJsonString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("回答済み", body, StringComparison.Ordinal);
        Assert.DoesNotContain("保存されていません", body, StringComparison.Ordinal);
        Assert.Equal(version + 1, await VersionAsync(scenario));
        await bot.WaitForAsync(() => bot.Output.Contains("could not be queued now", StringComparison.Ordinal), "the enqueue failure");

        await queue.CreateIfNotExistsAsync();
        await bot.WaitForAsync(() => connector.Deliveries.Count == 2, "the WG card queued by the sweep");
        var wgCard = connector.Deliveries[1];
        Assert.Equal(FanOutScenario.ConversationOf(1), wgCard.ConversationId);
        Assert.Contains("\"stage\":\"Wg\"", wgCard.Activity.ToJsonString(), StringComparison.Ordinal);
        // Three more sweeps (each logs its pass at Debug, 3414): the card in hand is not sent again.
        var sweeps = Occurrences(bot.Output, "[3414]");
        await bot.WaitForAsync(() => Occurrences(bot.Output, "[3414]") >= sweeps + 3, "three more sweeps");
        Assert.Equal(2, connector.Deliveries.Count);
    }

    [Fact]
    public async Task StageOpened_CardsNeverQueued_TheSweepSendsEachMemberTheirCardOnce()
    {
        // What a restart or a timeout between opening the stage and queueing its cards leaves: open windows, no messages.
        await using var connector = await FakeConnector.StartAsync();
        var scenario = new FanOutScenario(azurite.ConnectionString, azurite.NewTablePrefix(), connector, 12);
        await scenario.SeedAndOpenAsync(DateTimeOffset.UtcNow, CancellationToken.None, queueCards: false);
        await using var bot = BotProcess.Start(FreePort.Next(), scenario.BotSettings(FastSweep));
        await bot.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        var result = await scenario.WaitForDeliveryAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(12, result.Delivered);
        Assert.Equal(0, result.Lost);
        Assert.Equal(0, result.Duplicates);
    }

    [Fact]
    public async Task PoisonMessagesOnTheQueue_WhileTheBotRuns_AreSetAsideAndTheNextCardIsStillDelivered()
    {
        await using var connector = await FakeConnector.StartAsync();
        var scenario = new FanOutScenario(azurite.ConnectionString, azurite.NewTablePrefix(), connector, 1);
        await scenario.SeedAndOpenAsync(DateTimeOffset.UtcNow, CancellationToken.None, queueCards: false);
        await using var bot = BotProcess.Start(FreePort.Next(), scenario.BotSettings(new Dictionary<string, string?>
        {
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["Logging:LogLevel:Default"] = "Information",
        }));
        await bot.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        var prefix = scenario.TablePrefix.ToLowerInvariant();
        var queue = new QueueClient(azurite.ConnectionString, prefix + "outbox");
        await queue.CreateIfNotExistsAsync();
        string[] poison = ["not json at all", Convert.ToBase64String("""{"kind":"nextCard"}"""u8.ToArray()), """{"kind":null,"reviewId":"fanout","tenantId":"t"}""", "null"];
        foreach (var body in poison)
        {
            await queue.SendMessageAsync(body);
        }

        var poisonQueue = new QueueClient(azurite.ConnectionString, prefix + "outbox-poison");
        await bot.WaitForAsync(() => poisonQueue.Exists().Value && poisonQueue.GetProperties().Value.ApproximateMessagesCount == poison.Length, "the poison queue");
        await queue.SendMessageAsync($$"""{"kind":"nextCard","reviewId":"{{FanOutScenario.ReviewId}}","tenantId":"{{FanOutScenario.TenantId}}","email":"{{FanOutScenario.EmailOf(1)}}"}""");

        await bot.WaitForAsync(() => connector.Deliveries.Count == 1, "the card");
        using var http = new HttpClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(bot.BaseUrl + "/healthz")).StatusCode);
        Assert.False(bot.HasExited);
        Assert.Equal(poison.Order(), (await poisonQueue.PeekMessagesAsync(10)).Value.Select(m => m.Body.ToString()).Order());
        Assert.Contains("moved to the poison queue", bot.Output, StringComparison.Ordinal);

        // Privacy: the card sent is logged at Information with the member's key, never their email.
        await bot.WaitForAsync(() => bot.Output.Contains("Questionnaire card for task", StringComparison.Ordinal), "the card's log line");
        Assert.Contains(Consolidation.Bot.Diagnostics.MemberKey.Of(FanOutScenario.EmailOf(1)).ToString(), bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(FanOutScenario.EmailOf(1), bot.Output, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<int> VersionAsync(FanOutScenario scenario)
    {
        await using var services = BotServices.Create(scenario.ConnectionString, scenario.TablePrefix);
        return (await services.GetRequiredService<ReviewRepository>().GetTaskAsync(FanOutScenario.ReviewId, FanOutScenario.TaskOf(1), CancellationToken.None))!.Task.State.Version;
    }

    private static int Occurrences(string text, string value) =>
        (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
