using System.Globalization;
using Consolidation.Bot.Conversations;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.Testing.Scenarios;

/// <summary>What a fan-out delivered, counted at the fake connector.</summary>
public sealed record FanOutResult(int Members, int Delivered, int Lost, int Duplicates, long Throttled, double MessagesPerSecond, TimeSpan Span)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Delivered}/{Members} delivered, {Lost} lost, {Duplicates} duplicates, {Throttled} throttled (429), {MessagesPerSecond:F1} msg/s over {Span.TotalSeconds:F1} s");
}

/// <summary>
/// A review with one pre-WG task per member, every member with a stored 1:1 conversation on the fake connector,
/// and the stage opened: the outbox then holds one "next card" message per member, which a running bot sends.
/// </summary>
public sealed class FanOutScenario(string connectionString, string tablePrefix, FakeConnector connector, int members)
{
    public const string TenantId = "00000000-0000-4000-8000-00000000fa00";
    public const string ReviewId = "fanout";

    public int Members => members;

    /// <summary>The tenant of a member (1-based): every member in <see cref="TenantId"/> unless a test splits them.</summary>
    public Func<int, string> TenantOf { get; init; } = _ => TenantId;

    public string ConnectionString => connectionString;

    public string TablePrefix => tablePrefix;

    /// <summary>The outbox queue of the scenario's tenant (<see cref="TenantId"/>).</summary>
    public string OutboxQueueName => Outbox().QueueNameFor(TenantId);

    /// <summary>The settings a bot process needs to work on this scenario's store.</summary>
    public IReadOnlyDictionary<string, string?> BotSettings(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TablePrefix"] = tablePrefix,
            ["Review:Locale"] = "ja-JP",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Schedules:Enabled"] = "false",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public static string TaskOf(int member) => "F-" + member.ToString("D5", CultureInfo.InvariantCulture);

    public static string AadOf(int member) => "aad-fanout-" + member.ToString("D5", CultureInfo.InvariantCulture);

    public static string EmailOf(int member) => $"member{member:D5}@fanout.example.jp";

    /// <summary>The member number of an <see cref="EmailOf"/> address.</summary>
    public static int MemberOf(string email) => int.Parse(email.AsSpan("member".Length, 5), CultureInfo.InvariantCulture);

    /// <summary>The member's display name, as in the review and as Teams sends it in <c>from.name</c>.</summary>
    public static string NameOf(int member) => "職員 " + member.ToString(CultureInfo.InvariantCulture);

    public static string UserIdOf(int member) => "29:fanout-" + member.ToString(CultureInfo.InvariantCulture);

    public static string ConversationOf(int member) => "a:fanout-" + member.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>
    /// Imports the review, stores the conversations, opens pre-WG for every subcommittee and (unless
    /// <paramref name="queueCards"/> is false) queues the first card of every member.
    /// </summary>
    public async Task SeedAndOpenAsync(DateTimeOffset now, CancellationToken cancellationToken, bool queueCards = true, DateTimeOffset? deadline = null)
    {
        await using var services = BotServices.Create(connectionString, tablePrefix);
        var people = Enumerable.Range(1, members).Select(Member).ToList();
        var secretariat = new Member { Email = "secretariat@fanout.example.jp", Name = "事務局", Role = MemberRole.Secretariat, AadObjectId = "aad-fanout-secretariat" };
        var tasks = Enumerable.Range(1, members).Select(i => new TaskDefinition
        {
            Id = TaskOf(i),
            Name = "事務 " + i.ToString(CultureInfo.InvariantCulture),
            Bureau = "市民局",
            Subcommittee = SubcommitteeOf(i),
            Assignee = people[i - 1].Email,
            AnnualCases = i,
            StaffHours = 10m,
        }).ToList();
        await services.GetRequiredService<ReviewImportWriter>().WriteAsync(ReviewId, "fan-out", tasks, [.. people, secretariat], isDemo: false, now, cancellationToken);
        var catalog = services.GetRequiredService<ReviewCatalog>();
        await catalog.SetActiveReviewAsync(ReviewId, cancellationToken);

        var store = services.GetRequiredService<ConversationReferenceStore>();
        await Parallel.ForEachAsync(Enumerable.Range(1, members), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
            await store.UpsertIfChangedAsync(new ConversationReference
            {
                TenantId = TenantOf(i),
                Kind = ConversationKind.User,
                ConversationId = ConversationOf(i),
                ServiceUrl = connector.ServiceUrl,
                BotId = "28:fanout-bot",
                BotName = "集約化ボット",
                UserId = UserIdOf(i),
                AadObjectId = people[i - 1].AadObjectId,
                UserName = people[i - 1].Name,
                Locale = "ja-JP",
                UpdatedAt = now,
            }, ct));

        var opened = await services.GetRequiredService<StageOpeningService>().OpenAsync(
            ReviewId, secretariat, Stage.PreWg, Subcommittees.All, deadline ?? now.AddDays(14), cancellationToken);
        if (!queueCards)
        {
            return;
        }

        var outbox = services.GetRequiredService<OutboxClient>();
        await Parallel.ForEachAsync(opened.Assignees, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (email, ct) =>
            await outbox.EnqueueAsync(new OutboxMessage { Kind = OutboxMessage.NextCard, ReviewId = ReviewId, TenantId = TenantOf(MemberOf(email)), Email = email }, ct));
    }

    /// <summary>Opens <paramref name="stage"/> (its window only: no task moves, no card is queued) for every subcommittee of the members.</summary>
    public async Task OpenWindowsAsync(Stage stage, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var services = BotServices.Create(connectionString, tablePrefix);
        var repository = services.GetRequiredService<ReviewRepository>();
        foreach (var subcommittee in Enumerable.Range(1, members).Select(SubcommitteeOf).Distinct())
        {
            await repository.UpsertWindowAsync(ReviewId, new StageWindow { Stage = stage, Subcommittee = subcommittee, OpenedAt = now, Deadline = now.AddDays(14) }, cancellationToken);
        }
    }

    /// <summary>Handles one "next card" outbox message for <paramref name="member"/> with the outbox handler of <paramref name="services"/> (one bot instance).</summary>
    public static Task<bool> SendNextCardAsync(IServiceProvider services, int member, CancellationToken cancellationToken) =>
        services.GetServices<IOutboxHandler>().Single(h => h.Kind == OutboxMessage.NextCard).HandleAsync(new OutboxMessage
        {
            Kind = OutboxMessage.NextCard, ReviewId = ReviewId, TenantId = TenantId, Email = EmailOf(member),
        }, cancellationToken);

    /// <summary>
    /// Member <paramref name="member"/>'s pre-WG "keep" answer to card <paramref name="version"/>, decided and stored by the
    /// services of one bot instance exactly as its answer handler would.
    /// </summary>
    public static async Task<SubmissionResult> AnswerPreWgAsync(IServiceProvider services, int member, int version, CancellationToken cancellationToken)
    {
        var who = (await services.GetRequiredService<ReviewRepository>().GetMembersAsync(ReviewId, cancellationToken)).Single(m => m.AadObjectId == AadOf(member));
        var answer = new PreWgAnswer
        {
            Routine = true, PaperOrVisit = true, MigrationEffect = MigrationEffect.Changes, AnnualCases = 1200, StaffHours = 300, Decision = PreWgDecision.Keep,
        };
        return await services.GetRequiredService<DecisionService>().AnswerAsync(ReviewId, who, TaskOf(member), answer, version, cancellationToken);
    }

    /// <summary>
    /// Waits until every member has a card and the outbox holds nothing, waiting or in hand (the queues' approximate
    /// count includes leased messages, so a message a killed instance held counts until another instance has sent it and
    /// deleted it). After that no further card can go out, so lost cards and duplicates are counted then rather than after
    /// a quiet period. Returns what was delivered by then, or at <paramref name="timeout"/>.
    /// </summary>
    public async Task<FanOutResult> WaitForDeliveryAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var outbox = Outbox();
        try
        {
            while (connector.SendsByConversation().Count < members || await outbox.ApproximateCountAsync(deadline.Token) > 0)
            {
                await Task.Delay(100, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }

        return Count();
    }

    private OutboxClient Outbox() => new(
        Microsoft.Extensions.Options.Options.Create(new Storage.StorageOptions { ConnectionString = connectionString, TablePrefix = tablePrefix }),
        Microsoft.Extensions.Logging.Abstractions.NullLogger<OutboxClient>.Instance);

    /// <summary>The deliveries so far: distinct members reached, lost, duplicates and the sustained rate.</summary>
    public FanOutResult Count()
    {
        var sends = connector.Deliveries.Where(d => d.Method == "POST" && d.ConversationId.StartsWith("a:fanout-", StringComparison.Ordinal)).OrderBy(d => d.At).ToList();
        var distinct = sends.Select(d => d.ConversationId).Distinct(StringComparer.Ordinal).Count();
        var span = sends.Count > 1 ? sends[^1].At - sends[0].At : TimeSpan.Zero;
        var rate = span > TimeSpan.Zero ? (sends.Count - 1) / span.TotalSeconds : 0;
        return new FanOutResult(members, distinct, members - distinct, sends.Count - distinct, connector.ThrottledCount, rate, span);
    }

    /// <summary>
    /// Member <paramref name="aadObjectId"/>'s 1:1 chat as Microsoft Graph would show it: what the connector accepted in
    /// the member's conversation, with the cards' JSON (for <see cref="FakeGraph"/>).
    /// </summary>
    public IReadOnlyList<GraphChatMessage> ChatOf(string aadObjectId)
    {
        var prefix = AadOf(0)[..^5];
        if (!aadObjectId.StartsWith(prefix, StringComparison.Ordinal)
            || !int.TryParse(aadObjectId[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var member))
        {
            return [];
        }

        return [.. connector.Deliveries.Where(d => d.Method == "POST" && d.ConversationId == ConversationOf(member)).Select(d => new GraphChatMessage(
            d.ActivityId, d.At, [.. (d.Activity["attachments"] as System.Text.Json.Nodes.JsonArray ?? []).OfType<System.Text.Json.Nodes.JsonObject>()
                .Where(a => a["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive" && a["content"] is not null)
                .Select(a => a["content"]!.ToJsonString())]))];
    }

    private static Member Member(int i) => new()
    {
        Email = EmailOf(i),
        Name = NameOf(i),
        AadObjectId = AadOf(i),
        Subcommittees = [SubcommitteeOf(i)],
    };

    public static Subcommittee SubcommitteeOf(int i) => Subcommittees.All[i % Subcommittees.All.Count];
}
