using System.Text;
using System.Text.Json.Nodes;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Testing.Scenarios;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Faults;

/// <summary>
/// Two bot instances on one store. A bot process keeps the review's task states in memory; a single answer stored by
/// another instance does not move the review's epoch, so this process's memory is behind until its next catch-up.
/// Answers must still be decided on what storage holds: nothing refused that storage would accept, nothing stored twice.
/// </summary>
[Collection(FaultsCollection.Name)]
public class TwoInstanceAnswerTests(AzuriteFixture azurite)
{
    private const int Members = 4;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task NextStageCard_AnsweredHereAfterTheOtherInstanceStoredTheFirstAnswer_IsAccepted()
    {
        var (scenario, connector, services) = await SeedAsync();
        await using var _ = connector;
        await using var __ = services;
        await using var bot = await StartWarmBotAsync(scenario);
        var repository = services.GetRequiredService<ReviewRepository>();
        var before = (await repository.GetTaskAsync(FanOutScenario.ReviewId, FanOutScenario.TaskOf(1), None))!.Task;

        // The other instance stores member 1's pre-WG answer: the task moves to WG, one version on.
        var stored = await AnswerElsewhereAsync(services, 1, before.State.Version);
        Assert.Equal(Stage.Wg, stored.Task!.Stage);

        // Member 1 answers the WG card (the new version) on this instance, whose memory still holds the pre-WG state.
        var body = await PostAsync(bot, AnswerInvokes.ValidWg(connector.ServiceUrl, 1, FanOutScenario.TaskOf(1), stored.Task.State.Version));

        Assert.Contains("回答済み", body, StringComparison.Ordinal);
        Assert.DoesNotContain("古くなっています", body, StringComparison.Ordinal); // the answered card, not the stale-card refusal
        var after = (await repository.GetTaskAsync(FanOutScenario.ReviewId, FanOutScenario.TaskOf(1), None))!.Task;
        Assert.NotNull(after.State.OutcomeOf(Stage.Wg));
        Assert.Equal(stored.Task.State.Version + 1, after.State.Version);
    }

    [Fact]
    public async Task Redelivery_ToThisInstanceOfAnAnswerTheOtherStored_StoredOnceAndAnsweredAgain()
    {
        var (scenario, connector, services) = await SeedAsync();
        await using var _ = connector;
        await using var __ = services;
        await using var bot = await StartWarmBotAsync(scenario);
        var repository = services.GetRequiredService<ReviewRepository>();
        var version = (await repository.GetTaskAsync(FanOutScenario.ReviewId, FanOutScenario.TaskOf(3), None))!.Task.State.Version;

        // Teams delivered member 3's click to the other instance, which stored it; the redelivery comes here, where the
        // task's card version still matches what memory holds.
        var first = await AnswerElsewhereAsync(services, 3, version);
        Assert.Equal(SubmissionStatus.Accepted, first.Status);
        var body = await PostAsync(bot, AnswerInvokes.ValidPreWg(connector.ServiceUrl, 3, FanOutScenario.TaskOf(3), version));

        Assert.Contains("回答済み", body, StringComparison.Ordinal);
        Assert.DoesNotContain("古くなっています", body, StringComparison.Ordinal); // the answered card, not the stale-card refusal
        var history = await repository.GetHistoryAsync(FanOutScenario.ReviewId, FanOutScenario.TaskOf(3), None);
        Assert.Single(history, h => h.Kind == HistoryKind.Answer);
        Assert.Equal(version + 1, (await repository.GetTaskAsync(FanOutScenario.ReviewId, FanOutScenario.TaskOf(3), None))!.Task.State.Version);
    }

    /// <summary>Four members, pre-WG open; WG open too (so a pre-WG "keep" leads straight to an answerable WG card).</summary>
    private async Task<(FanOutScenario Scenario, FakeConnector Connector, ServiceProvider Services)> SeedAsync()
    {
        var connector = await FakeConnector.StartAsync();
        var prefix = azurite.NewTablePrefix();
        var scenario = new FanOutScenario(azurite.ConnectionString, prefix, connector, Members);
        var now = DateTimeOffset.UtcNow;
        await scenario.SeedAndOpenAsync(now, None, queueCards: false);
        await scenario.OpenWindowsAsync(Stage.Wg, now, None);
        return (scenario, connector, BotServices.Create(azurite.ConnectionString, prefix));
    }

    /// <summary>A bot process that has read the review's task states into memory.</summary>
    private static async Task<BotProcess> StartWarmBotAsync(FanOutScenario scenario)
    {
        var bot = BotProcess.Start(FreePort.Next(), scenario.BotSettings(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Consolidation.Bot.Hosting.StartupCacheWarmer"] = "Information",
        }));
        await bot.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!bot.Output.Contains($"Review {FanOutScenario.ReviewId} read into memory", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "the bot did not read the review at start-up:\n" + bot.Output);
            await Task.Delay(50);
        }

        return bot;
    }

    /// <summary>The other instance: the same services in this test process, answering as the bot's handler would (same submission key).</summary>
    private static async Task<SubmissionResult> AnswerElsewhereAsync(ServiceProvider services, int member, int version)
    {
        var result = await FanOutScenario.AnswerPreWgAsync(services, member, version, None);
        Assert.Equal(SubmissionStatus.Accepted, result.Status);
        return result;
    }

    private static async Task<string> PostAsync(BotProcess bot, JsonObject invoke)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.PostAsync(bot.MessagesUrl, new StringContent(invoke.ToJsonString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return body;
    }
}
