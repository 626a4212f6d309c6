using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Consolidation.Bot.Graph;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Consolidation.Bot.Tests.Graph;

/// <summary>
/// The Graph adapter with the real Graph SDK (request builders, serialisation, its default middleware including the
/// retry handler) over a fake HTTP handler: URLs, methods and bodies of what the bot asks Graph, and the 409 and 429 paths.
/// </summary>
public class GraphDirectoryTests
{
    private const string AppId = "0f3c2c1a-1111-4d5c-8a9b-0c1d2e3f4a5b";
    private const string UserId = "9a1e0000-0000-4000-8000-000000000002";

    private sealed class FakeGraph : HttpMessageHandler
    {
        private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _responses = new();

        public List<(HttpMethod Method, string Url, string? Body, DateTimeOffset At)> Requests { get; } = [];

        public FakeGraph Then(HttpStatusCode status, string? json = null, TimeSpan? retryAfter = null)
        {
            _responses.Enqueue(_ =>
            {
                var response = new HttpResponseMessage(status) { Content = new StringContent(json ?? "{}", Encoding.UTF8, "application/json") };
                if (retryAfter is { } wait)
                {
                    response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(wait);
                }

                return response;
            });
            return this;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add((request.Method, Uri.UnescapeDataString(request.RequestUri!.ToString()), body, DateTimeOffset.UtcNow));
            return _responses.Count > 0 ? _responses.Dequeue()(request) : new HttpResponseMessage(HttpStatusCode.InternalServerError);
        }
    }

    private static GraphDirectory Directory(FakeGraph fake)
    {
        var http = GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers(), finalHandler: fake);
        var client = new GraphServiceClient(http, new AnonymousAuthenticationProvider(), "https://graph.microsoft.com/v1.0");
        return new GraphDirectory(client, Options.Create(new GraphOptions { TeamsAppId = AppId }), TimeProvider.System);
    }

    private static string Error(string code) => new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = code } }.ToJsonString();

    [Fact]
    public async Task InstallAppAndGetChat_PostsTheInstallationThenReadsTheChat()
    {
        var fake = new FakeGraph()
            .Then(HttpStatusCode.Created, """{"id":"inst-1"}""")
            .Then(HttpStatusCode.OK, """{"value":[{"id":"inst-1"}]}""")
            .Then(HttpStatusCode.OK, """{"id":"19:abc_def@unq.gbl.spaces"}""");

        var chat = await Directory(fake).InstallAppAndGetChatAsync(UserId, CancellationToken.None);

        Assert.Equal("19:abc_def@unq.gbl.spaces", chat);
        Assert.Equal(3, fake.Requests.Count);
        var install = fake.Requests[0];
        Assert.Equal(HttpMethod.Post, install.Method);
        Assert.Equal($"https://graph.microsoft.com/v1.0/users/{UserId}/teamwork/installedApps", install.Url);
        Assert.Equal($"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{AppId}", (string)JsonNode.Parse(install.Body!)!["teamsApp@odata.bind"]!);
        Assert.Equal(HttpMethod.Get, fake.Requests[1].Method);
        Assert.StartsWith($"https://graph.microsoft.com/v1.0/users/{UserId}/teamwork/installedApps?", fake.Requests[1].Url, StringComparison.Ordinal);
        Assert.Contains($"$filter=teamsApp/id eq '{AppId}'", fake.Requests[1].Url, StringComparison.Ordinal);
        Assert.Contains("$expand=teamsApp", fake.Requests[1].Url, StringComparison.Ordinal);
        Assert.Equal($"https://graph.microsoft.com/v1.0/users/{UserId}/teamwork/installedApps/inst-1/chat", fake.Requests[2].Url);
    }

    [Fact]
    public async Task InstallAppAndGetChat_AlreadyInstalled409_GoesOnToTheChat()
    {
        var fake = new FakeGraph()
            .Then(HttpStatusCode.Conflict, Error("Conflict"))
            .Then(HttpStatusCode.OK, """{"value":[{"id":"inst-9"}]}""")
            .Then(HttpStatusCode.OK, """{"id":"19:chat-9@unq.gbl.spaces"}""");

        Assert.Equal("19:chat-9@unq.gbl.spaces", await Directory(fake).InstallAppAndGetChatAsync(UserId, CancellationToken.None));
        Assert.Single(fake.Requests, r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task InstallAppAndGetChat_Throttled429_WaitsForRetryAfterThenSucceeds()
    {
        var fake = new FakeGraph()
            .Then(HttpStatusCode.TooManyRequests, Error("TooManyRequests"), retryAfter: TimeSpan.FromSeconds(1))
            .Then(HttpStatusCode.Created, """{"id":"inst-1"}""")
            .Then(HttpStatusCode.OK, """{"value":[{"id":"inst-1"}]}""")
            .Then(HttpStatusCode.OK, """{"id":"19:chat@unq.gbl.spaces"}""");

        var chat = await Directory(fake).InstallAppAndGetChatAsync(UserId, CancellationToken.None);

        Assert.Equal("19:chat@unq.gbl.spaces", chat);
        var posts = fake.Requests.Where(r => r.Method == HttpMethod.Post).ToList();
        Assert.Equal(2, posts.Count);
        Assert.True(posts[1].At - posts[0].At >= TimeSpan.FromSeconds(0.9), $"retried after {posts[1].At - posts[0].At}");
        Assert.Equal(posts[0].Body, posts[1].Body);
    }

    [Fact]
    public async Task FindUser_ByUpn_ThenByMailWhenNotAUpn()
    {
        var byUpn = new FakeGraph().Then(HttpStatusCode.OK, $$"""{"id":"{{UserId}}","userPrincipalName":"kenichi.sato@city.example.jp","displayName":"佐藤 健一"}""");
        var user = await Directory(byUpn).FindUserAsync("kenichi.sato@city.example.jp", CancellationToken.None);
        Assert.Equal(UserId, user!.Id);
        Assert.StartsWith("https://graph.microsoft.com/v1.0/users/kenichi.sato@city.example.jp?$select=", byUpn.Requests[0].Url, StringComparison.Ordinal);

        var byMail = new FakeGraph()
            .Then(HttpStatusCode.NotFound, Error("Request_ResourceNotFound"))
            .Then(HttpStatusCode.OK, $$"""{"value":[{"id":"{{UserId}}","mail":"k.sato@city.example.jp"}]}""");
        Assert.Equal(UserId, (await Directory(byMail).FindUserAsync("k.sato@city.example.jp", CancellationToken.None))!.Id);
        Assert.Contains("$filter=mail eq 'k.sato@city.example.jp'", byMail.Requests[1].Url, StringComparison.Ordinal);

        var nobody = new FakeGraph().Then(HttpStatusCode.NotFound, Error("Request_ResourceNotFound")).Then(HttpStatusCode.OK, """{"value":[]}""");
        Assert.Null(await Directory(nobody).FindUserAsync("nobody@city.example.jp", CancellationToken.None));
    }

    [Fact]
    public async Task GroupMembers_FollowsTheNextLinkAcrossPages()
    {
        const string Group = "5b1e0000-0000-4000-8000-0000000000aa";
        var fake = new FakeGraph()
            .Then(HttpStatusCode.OK, $$"""{"value":[{"id":"u1"},{"id":"u2"}],"@odata.nextLink":"https://graph.microsoft.com/v1.0/groups/{{Group}}/members/microsoft.graph.user?$skiptoken=abc"}""")
            .Then(HttpStatusCode.OK, """{"value":[{"id":"u3","mail":"c@city.example.jp"}]}""");

        var members = await Directory(fake).GroupMembersAsync(Group, CancellationToken.None);

        Assert.Equal(["u1", "u2", "u3"], members.Select(m => m.Id));
        // The SDK writes the type cast as graph.user, Graph's short alias of microsoft.graph.user.
        Assert.StartsWith($"https://graph.microsoft.com/v1.0/groups/{Group}/members/graph.user?", fake.Requests[0].Url, StringComparison.Ordinal);
        Assert.EndsWith("$skiptoken=abc", fake.Requests[1].Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecentCardsInChat_ReadsTheInstallationChatNewestFirst_AndKeepsTheAdaptiveCardsSinceTheTimeGiven()
    {
        const string Chat = "19:abc_def@unq.gbl.spaces";
        var since = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var card = """{"type":"AdaptiveCard","actions":[{"type":"Action.Execute","verb":"submitAnswer","data":{"taskId":"J-0001","version":"2"}}]}""";
        var messages = new JsonObject
        {
            ["value"] = new JsonArray(
                Message("m3", since.AddMinutes(5), new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card }),
                Message("m2", since.AddMinutes(1), new JsonObject { ["contentType"] = "reference", ["content"] = "not a card" }),
                Message("m1", since.AddMinutes(-1), new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card })),
        };
        var fake = new FakeGraph()
            .Then(HttpStatusCode.Conflict, Error("Conflict"))
            .Then(HttpStatusCode.OK, """{"value":[{"id":"inst-1"}]}""")
            .Then(HttpStatusCode.OK, $$"""{"id":"{{Chat}}"}""")
            .Then(HttpStatusCode.OK, messages.ToJsonString());

        var cards = await Directory(fake).RecentCardsInChatAsync(UserId, since, CancellationToken.None);

        var found = Assert.Single(cards);
        Assert.Equal("m3", found.MessageId);
        Assert.Equal(card, found.CardJson);
        var read = fake.Requests[3];
        Assert.Equal(HttpMethod.Get, read.Method);
        Assert.StartsWith($"https://graph.microsoft.com/v1.0/chats/{Chat}/messages?", read.Url, StringComparison.Ordinal);
        Assert.Contains("$top=50", read.Url, StringComparison.Ordinal);
        Assert.Contains("$orderby=createdDateTime desc", read.Url, StringComparison.Ordinal);
    }

    private static JsonObject Message(string id, DateTimeOffset created, JsonObject attachment) => new()
    {
        ["id"] = id,
        ["createdDateTime"] = created.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["attachments"] = new JsonArray(attachment),
    };
}
