using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Testing.Scenarios;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Faults;

/// <summary>A burst of answers with redeliveries and intruders: each answer stored exactly once, every other request refused.</summary>
[Collection(FaultsCollection.Name)]
public class AnswerBurstTests(AzuriteFixture azurite)
{
    private const int Members = 700;

    [Fact]
    public async Task Burst_700Answers200Duplicates100ForOthersTasks_Exactly700StoredEachOnce()
    {
        await using var connector = await FakeConnector.StartAsync();
        var prefix = azurite.NewTablePrefix();
        var scenario = new FanOutScenario(azurite.ConnectionString, prefix, connector, Members);
        await scenario.SeedAndOpenAsync(DateTimeOffset.UtcNow, CancellationToken.None, queueCards: false);
        await using var services = BotServices.Create(azurite.ConnectionString, prefix);
        var repository = services.GetRequiredService<ReviewRepository>();
        var versions = (await repository.LoadAsync(FanOutScenario.ReviewId, CancellationToken.None))!.Tasks.ToDictionary(t => t.Id, t => t.State.Version);

        // 700 valid answers, 200 redeliveries of some of them, 100 answers by member i to member i+1's task.
        var requests = new List<(string Kind, int From, JsonObject Body)>();
        var valid = Enumerable.Range(1, Members).Select(i => AnswerInvokes.ValidPreWg(connector.ServiceUrl, i, FanOutScenario.TaskOf(i), versions[FanOutScenario.TaskOf(i)])).ToList();
        requests.AddRange(valid.Select((b, i) => ("valid", i + 1, b)));
        requests.AddRange(Enumerable.Range(0, 200).Select(i => ("duplicate", (i * 3) + 1, (JsonObject)valid[i * 3].DeepClone())));
        requests.AddRange(Enumerable.Range(0, 100).Select(i =>
        {
            var from = (i * 7) + 2;
            var task = FanOutScenario.TaskOf(from + 1);
            return ("intruder", from, AnswerInvokes.ValidPreWg(connector.ServiceUrl, from, task, versions[task]));
        }));
        // A fixed seed: the same interleaving on every run, so a failure can be reproduced.
        var random = new Random(20261130);
        var shuffled = requests.OrderBy(_ => random.Next()).ToList();

        await using var bot = BotProcess.Start(FreePort.Next(), scenario.BotSettings());
        await bot.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        var answers = new ConcurrentBag<(string Kind, int Status, string Body)>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var queue = new ConcurrentQueue<(string Kind, int From, JsonObject Body)>(shuffled);
        await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            while (queue.TryDequeue(out var request))
            {
                using var response = await http.PostAsync(bot.MessagesUrl, new StringContent(request.Body.ToJsonString(), Encoding.UTF8, "application/json"));
                answers.Add((request.Kind, (int)response.StatusCode, await response.Content.ReadAsStringAsync()));
            }
        }));

        Assert.Equal(1000, answers.Count);
        Assert.All(answers, a => Assert.Equal(200, a.Status));
        // Valid answers and their redeliveries all get the answered card (read-only: no submit button) ...
        Assert.All(answers.Where(a => a.Kind != "intruder"), a => Assert.DoesNotContain("submitAnswer", a.Body, StringComparison.Ordinal));
        Assert.All(answers.Where(a => a.Kind != "intruder"), a => Assert.Contains("回答済み", a.Body, StringComparison.Ordinal));
        // ... intruders get the "not your task" refusal.
        Assert.All(answers.Where(a => a.Kind == "intruder"), a => Assert.Contains("担当", a.Body, StringComparison.Ordinal));
        Assert.All(answers.Where(a => a.Kind == "intruder"), a => Assert.DoesNotContain("回答済み", a.Body, StringComparison.Ordinal));

        var history = await repository.GetHistoryAsync(FanOutScenario.ReviewId, null, CancellationToken.None);
        var stored = history.Where(h => h.Kind == HistoryKind.Answer).ToList();
        Assert.Equal(Members, stored.Count);
        Assert.Equal(Members, stored.Select(h => h.TaskId).Distinct().Count());
        var snapshot = (await repository.LoadAsync(FanOutScenario.ReviewId, CancellationToken.None))!;
        Assert.All(snapshot.Tasks, t =>
        {
            var outcome = t.State.OutcomeOf(Stage.PreWg);
            Assert.NotNull(outcome);
            Assert.Equal(t.Definition.Assignee, outcome.AnsweredBy); // never the intruder
        });
    }
}
