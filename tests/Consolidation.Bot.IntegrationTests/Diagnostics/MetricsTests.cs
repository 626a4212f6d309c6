using System.Text;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Protocol.Connector;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Testing.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Consolidation.Bot.IntegrationTests.Diagnostics;

/// <summary>
/// The metrics an operator watches, read with OpenTelemetry's in-memory exporter from the real bot (in-process) after a
/// fan-out with a burst of 429s and a burst of answers, duplicates and answers to someone else's task.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsTests(AzuriteFixture azurite)
{
    private const int Members = 12;

    [Fact]
    public async Task FanOutAndAnswerBurst_CountedInTheMetrics()
    {
        await using var connector = await FakeConnector.StartAsync();
        var prefix = azurite.NewTablePrefix();
        var scenario = new FanOutScenario(azurite.ConnectionString, prefix, connector, Members);
        await scenario.SeedAndOpenAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        var exported = new List<Metric>();
        connector.Fault = ConnectorFault.Throttled;
        connector.FailUntil = DateTimeOffset.UtcNow.AddSeconds(2);
        await using var host = new BotHost(new Dictionary<string, string?>(scenario.BotSettings())
        {
            ["Bot:AppId"] = "",
            ["Outbox:PollInterval"] = "00:00:00.100",
        }, services => services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(BotMetrics.MeterName, ConnectorMetrics.MeterName)
            .AddInMemoryExporter(exported)));
        await host.StartAsync();

        var fanOut = await scenario.WaitForDeliveryAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
        Assert.Equal(Members, fanOut.Delivered);
        Assert.True(fanOut.Duplicates == 0, fanOut.ToString());

        var versions = new Dictionary<string, int>();
        await using (var services = BotServices.Create(azurite.ConnectionString, prefix))
        {
            foreach (var snapshotTask in (await services.GetRequiredService<ReviewRepository>().LoadAsync(FanOutScenario.ReviewId, CancellationToken.None))!.Tasks)
            {
                versions[snapshotTask.Id] = snapshotTask.State.Version;
            }
        }

        using var http = new HttpClient();
        async Task PostAsync(int from, string task) =>
            (await http.PostAsync(host.MessagesUrl, new StringContent(AnswerInvokes.ValidPreWg(connector.ServiceUrl, from, task, versions[task]).ToJsonString(), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        for (var i = 1; i <= 6; i++)
        {
            await PostAsync(i, FanOutScenario.TaskOf(i)); // accepted
        }

        await PostAsync(1, FanOutScenario.TaskOf(1)); // a redelivery: duplicate
        await PostAsync(2, FanOutScenario.TaskOf(1)); // someone else's task
        await PostAsync(8, FanOutScenario.TaskOf(9)); // someone else's task

        foreach (var text in new[] { "全体の進捗は？", "ほげほげ" })
        {
            var message = AnswerInvokes.ValidPreWg(connector.ServiceUrl, 1, FanOutScenario.TaskOf(1), 1);
            message["type"] = "message";
            message["text"] = text;
            message.Remove("value");
            message.Remove("name");
            (await http.PostAsync(host.MessagesUrl, new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        }

        host.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Assert.Equal(Members, Sum(exported, "bot.cards.sent"));
        Assert.Equal(6, Sum(exported, "bot.answers", ("result", "accepted")));
        Assert.Equal(1, Sum(exported, "bot.answers", ("result", "duplicate")));
        Assert.Equal(2, Sum(exported, "bot.answers", ("result", "not_assignee")));
        Assert.True(Sum(exported, "bot.connector.throttled") > 0, "429s counted");
        Assert.True(Count(exported, "bot.connector.retry_wait") > 0, "retry waits recorded");
        Assert.True(Count(exported, "bot.connector.slot_wait") >= Members, "slot waits recorded for each send");
        Assert.Equal(1, Sum(exported, "bot.status.questions", ("intent", "overall")));
        Assert.Equal(1, Sum(exported, "bot.status.questions", ("intent", "not_understood")));
        Assert.Contains(exported, m => m.Name == "bot.outbox.depth");
        Assert.Contains(exported, m => m.Name == "bot.outbox.oldest_age");
    }

    private static long Sum(List<Metric> metrics, string name, params (string Key, string Value)[] tags)
    {
        long sum = 0;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                if (HasTags(point, tags))
                {
                    sum = Math.Max(sum, point.GetSumLong()); // cumulative: the last export holds the total
                }
            }
        }

        return sum;
    }

    private static long Count(List<Metric> metrics, string name)
    {
        long count = 0;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                count = Math.Max(count, point.GetHistogramCount());
            }
        }

        return count;
    }

    private static bool HasTags(MetricPoint point, (string Key, string Value)[] wanted)
    {
        var tags = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }

        return wanted.All(w => tags.TryGetValue(w.Key, out var v) && (string?)v == w.Value);
    }
}

/// <summary>
/// Metrics tests run alone: an OpenTelemetry meter listener subscribes to meters by name across the whole process, so an
/// in-process bot of a test running in parallel would be counted too (seen in a full-suite run: 15 cards for 12 sent).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Metrics";
}
