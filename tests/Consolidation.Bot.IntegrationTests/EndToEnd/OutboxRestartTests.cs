using Consolidation.Bot.Conversations;
using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.IntegrationTests.EndToEnd;

/// <summary>
/// The outbox across a restart: 100 members each get their first card; the bot is stopped part-way and started
/// again; the cards the Playground delivered show every card exactly once. The members' 1:1 chats are pointed at the
/// Playground's four real conversations (its synthetic <c>@test.user</c> chats answer 500 UserNotFound to sends),
/// and each member has one task, so a card is identified by its task id.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class OutboxRestartTests(AzuriteFixture azurite)
{
    private const int Members = 100;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task StopBotMidFanOut_StartAgain_EveryCardDeliveredExactlyOnce()
    {
        var prefix = azurite.NewTablePrefix();
        var botPort = FreePort.Next();
        await using var playground = new PlaygroundProcess($"http://127.0.0.1:{botPort}/api/messages", FreePort.Next());
        await playground.StartAsync();
        await using var stream = await ConversationStream.ConnectAsync(playground.Port);
        await SeedAsync(prefix, playground);

        var settings = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Review:Locale"] = "ja-JP",
            ["Outbox:PollInterval"] = "00:00:00.100",
            // A short lease: a message left unfinished by the stopped bot comes back within the test, and would show
            // as a second card if the member's cursor did not stop it.
            ["Outbox:Lease"] = "00:00:05",
        };

        var first = new BotHost(settings, port: botPort);
        await first.StartAsync();
        await WaitUntilAsync(() => Cards(stream).Count >= 25, TimeSpan.FromSeconds(60));
        await first.DisposeAsync();
        var atStop = Cards(stream).Count;

        await using var second = new BotHost(settings, port: botPort);
        await second.StartAsync();
        await WaitUntilAsync(() => Cards(stream).Count >= Members, TimeSpan.FromSeconds(90));
        // Until the message the stopped bot held has come back (after its 5 s lease) and been handled.
        await WaitUntilAsync(second.OutboxDrained, TimeSpan.FromSeconds(30));

        var sends = Cards(stream);
        Assert.True(atStop < Members, $"the bot was stopped after {atStop} sends, not part-way");
        Assert.Equal(Members, sends.Count);
        Assert.Equal(Members, sends.Distinct().Count());
    }

    /// <summary>The task id of every questionnaire card the Playground delivered (one entry per delivery).</summary>
    private static List<string> Cards(ConversationStream stream) =>
        stream.FramesSince(0)
            .Where(f => (string?)f["action"] == "createMessage")
            .Select(f => System.Text.RegularExpressions.Regex.Match(Frames.CardText(f), "\"taskId\":\"(J-\\d{4})\""))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToList();

    /// <summary>100 members with one pre-WG task each, their 1:1 chats created on the Playground's connector, the stage opened.</summary>
    private async Task SeedAsync(string prefix, PlaygroundProcess playground)
    {
        var options = Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix });
        var tables = new TableClientProvider(new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString), options);
        var catalog = new ReviewCatalog(tables, TimeProvider.System);
        var repository = new ReviewRepository(tables, catalog, TimeProvider.System);
        var writer = new ReviewImportWriter(tables, catalog, repository);
        var references = new ConversationReferenceStore(tables);

        var members = Enumerable.Range(1, Members).Select(i => new Member
        {
            Email = $"m{i}@city.example.jp", Name = $"委員{i}", AadObjectId = $"00000000-0000-4000-8000-{i:D12}", Subcommittees = [Subcommittee.WelfareHealth],
        }).Append(new Member { Email = "sec@city.example.jp", Name = "事務局", Role = MemberRole.Secretariat }).ToList();
        var tasks = Enumerable.Range(1, Members).Select(i => new TaskDefinition
        {
            Id = $"J-{i:D4}", Name = $"事務{i}", Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth, Assignee = $"m{i}@city.example.jp",
        }).ToList();
        var now = DateTimeOffset.UtcNow;
        await writer.WriteAsync("restart", "再起動テスト", tasks, members, false, now, None);
        await catalog.SetActiveReviewAsync("restart", None);

        string[] chats = [PlaygroundIds.PersonalChatId, PlaygroundIds.GroupChatId, PlaygroundIds.TeamId, PlaygroundIds.CouncilChannelId];
        foreach (var (member, index) in members.Take(Members).Select((m, i) => (m, i)))
        {
            await references.UpsertIfChangedAsync(new ConversationReference
            {
                TenantId = PlaygroundIds.TenantId, Kind = ConversationKind.User, ConversationId = chats[index % chats.Length],
                ServiceUrl = playground.ConnectorUrl, BotId = PlaygroundIds.BotId, UserId = "29:1restart-" + member.Email,
                AadObjectId = member.AadObjectId, UpdatedAt = now,
            }, None);
        }

        var opened = await new StageOpeningService(repository, TimeProvider.System)
            .OpenAsync("restart", members[^1], Stage.PreWg, [Subcommittee.WelfareHealth], now.AddDays(14), None);
        var outbox = new OutboxClient(options, Microsoft.Extensions.Logging.Abstractions.NullLogger<OutboxClient>.Instance);
        foreach (var email in opened.Assignees)
        {
            await outbox.EnqueueAsync(new OutboxMessage { Kind = OutboxMessage.NextCard, ReviewId = "restart", TenantId = PlaygroundIds.TenantId, Email = email }, None);
        }

        Assert.Equal(Members, opened.Assignees.Count);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not reached within {timeout}");
            await Task.Delay(50);
        }
    }
}
