using System.Text;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Testing.Scenarios;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Faults;

/// <summary>Azurite stops for 10 s while members answer: clear "try again" answers, nothing half-written, recovery without restart.</summary>
[Collection(FaultsCollection.Name)]
public sealed class StorageOutageTests : IAsyncLifetime, IAsyncDisposable
{
    private const int Members = 40;
    private readonly string _data = Path.Combine(Path.GetTempPath(), "consolidation-outage-" + Guid.NewGuid().ToString("N"));
    private readonly AzuriteProcess _azurite;

    public StorageOutageTests()
    {
        _azurite = new AzuriteProcess(_data);
    }

    public Task InitializeAsync() => _azurite.StartAsync();

    public async Task DisposeAsync()
    {
        await _azurite.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    [Fact]
    public async Task AzuriteDownFor10Seconds_AnswersToldToTryAgain_NothingHalfWritten_BotRecoversWithoutRestart()
    {
        await using var connector = await FakeConnector.StartAsync();
        var scenario = new FanOutScenario(_azurite.ConnectionString, "outage", connector, Members);
        await scenario.SeedAndOpenAsync(DateTimeOffset.UtcNow, CancellationToken.None, queueCards: false);
        Dictionary<string, int> versions;
        await using (var services = BotServices.Create(_azurite.ConnectionString, "outage"))
        {
            versions = (await services.GetRequiredService<ReviewRepository>().LoadAsync(FanOutScenario.ReviewId, CancellationToken.None))!
                .Tasks.ToDictionary(t => t.Id, t => t.State.Version);
        }

        await using var bot = BotProcess.Start(FreePort.Next(), scenario.BotSettings());
        await bot.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        async Task<string> AnswerAsync(int member)
        {
            var task = FanOutScenario.TaskOf(member);
            var body = AnswerInvokes.ValidPreWg(connector.ServiceUrl, member, task, versions[task]).ToJsonString();
            using var response = await http.PostAsync(bot.MessagesUrl, new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(200, (int)response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        // Before: answers are stored.
        for (var m = 1; m <= 10; m++)
        {
            Assert.Contains("回答済み", await AnswerAsync(m), StringComparison.Ordinal);
        }

        // Azurite goes away for 10 s; every answer in that time is told, clearly and quickly, to try again.
        await _azurite.StopAsync();
        var down = System.Diagnostics.Stopwatch.StartNew();
        var during = new List<(int Member, string Body, TimeSpan Took)>();
        for (var m = 11; down.Elapsed < TimeSpan.FromSeconds(10); m = m == 20 ? 11 : m + 1)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            during.Add((m, await AnswerAsync(m), watch.Elapsed));
            await Task.Delay(250);
        }

        Assert.True(during.Count >= 5, $"only {during.Count} answers during the outage");
        Assert.All(during, d => Assert.Contains("回答は保存されていません", d.Body, StringComparison.Ordinal));
        Assert.All(during, d => Assert.True(d.Took < TimeSpan.FromSeconds(5), $"answer took {d.Took}"));
        using (var readiness = await http.GetAsync(bot.BaseUrl + "/readyz"))
        {
            Assert.Equal(503, (int)readiness.StatusCode);
        }

        // Azurite is back with its data; the same bot process (no restart) takes the retried and the new answers.
        await _azurite.StartAsync();
        for (var m = 11; m <= 30; m++)
        {
            Assert.Contains("回答済み", await AnswerAsync(m), StringComparison.Ordinal);
        }

        Assert.False(bot.HasExited);
        await using var check = BotServices.Create(_azurite.ConnectionString, "outage");
        var repository = check.GetRequiredService<ReviewRepository>();
        var snapshot = (await repository.LoadAsync(FanOutScenario.ReviewId, CancellationToken.None))!;
        var history = await repository.GetHistoryAsync(FanOutScenario.ReviewId, null, CancellationToken.None);
        var answers = history.Where(h => h.Kind == HistoryKind.Answer).GroupBy(h => h.TaskId).ToDictionary(g => g.Key, g => g.Count());
        for (var m = 1; m <= Members; m++)
        {
            var task = snapshot.Tasks.Single(t => t.Id == FanOutScenario.TaskOf(m));
            var answered = task.State.OutcomeOf(Stage.PreWg) is not null;
            Assert.Equal(m <= 30, answered);
            // State and history agree: an answer is either wholly there (state + one history entry) or not at all.
            Assert.Equal(answered ? 1 : 0, answers.GetValueOrDefault(task.Id));
        }
    }
}
