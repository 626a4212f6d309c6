using System.Text.Json;
using Consolidation.Bot.Protocol.Connector;
using Consolidation.Bot.Protocol.Schema;

namespace Consolidation.Bot.Protocol.Tests.Connector;

public sealed class ConnectorClientTests
{
    private const string ChannelThreadId = "19:abc@thread.tacv2;messageid=1759881511856";
    private const string EncodedChannelThreadId = "19%3Aabc%40thread.tacv2%3Bmessageid%3D1759881511856";
    private const string TenantId = "50612dbb-0237-4969-b378-8d42590f9c00";

    [Theory]
    [InlineData("amer/tenant/")]
    [InlineData("amer/tenant")]
    public async Task SendAsync_ThreadIdWithReservedChars_PostsEncodedPathAndParsesId(string servicePath)
    {
        await using var server = await FakeConnectorServer.StartAsync(_ => FakeResponse.Json(201, """{"id":"1:abc"}"""));
        await using var provider = ConnectorTestHost.Build();
        var address = new ConversationAddress(server.BaseUrl + servicePath, ChannelThreadId, TenantId);

        var result = await provider.Client().SendAsync(address, Message("hello"), CancellationToken.None);

        Assert.Equal("1:abc", result.Id);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/amer/tenant/v3/conversations/{EncodedChannelThreadId}/activities", request.RawTarget);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        AssertNoNulls(body.RootElement);
        Assert.Equal("message", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("hello", body.RootElement.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData(201)]
    [InlineData(202)]
    [InlineData(200)]
    public async Task SendAsync_SuccessWithEmptyBody_ReturnsNullId(int status)
    {
        await using var server = await FakeConnectorServer.StartAsync(_ => new FakeResponse(status));
        await using var provider = ConnectorTestHost.Build();

        var result = await provider.Client().SendAsync(Address(server), Message("hi"), CancellationToken.None);

        Assert.Null(result.Id);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ReplyAsync_ActivityId_PostsToEncodedActivityPathWithReplyToId()
    {
        await using var server = await FakeConnectorServer.StartAsync(_ => FakeResponse.Json(200, """{"id":"reply-1"}"""));
        await using var provider = ConnectorTestHost.Build();

        var result = await provider.Client().ReplyAsync(Address(server), "1:xyz=", Message("re"), CancellationToken.None);

        Assert.Equal("reply-1", result.Id);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v3/conversations/{EncodedChannelThreadId}/activities/1%3Axyz%3D", request.RawTarget);
        using var body = JsonDocument.Parse(request.Body);
        AssertNoNulls(body.RootElement);
        Assert.Equal("1:xyz=", body.RootElement.GetProperty("replyToId").GetString());
    }

    [Fact]
    public async Task UpdateAsync_ActivityId_PutsActivityToEncodedPath()
    {
        await using var server = await FakeConnectorServer.StartAsync(_ => FakeResponse.Json(200, """{"id":"1759"}"""));
        await using var provider = ConnectorTestHost.Build();
        var card = Message(null);
        card.Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5"}""").RootElement }];

        var result = await provider.Client().UpdateAsync(Address(server), "1759", card, CancellationToken.None);

        Assert.Equal("1759", result.Id);
        var request = Assert.Single(server.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/v3/conversations/{EncodedChannelThreadId}/activities/1759", request.RawTarget);
        using var body = JsonDocument.Parse(request.Body);
        AssertNoNulls(body.RootElement);
        Assert.False(body.RootElement.TryGetProperty("text", out _));
        Assert.Equal("AdaptiveCard", body.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("type").GetString());
    }

    [Fact]
    public async Task CreateConversationAsync_Parameters_PostsBodyAndParsesResponse()
    {
        await using var server = await FakeConnectorServer.StartAsync(_ =>
            FakeResponse.Json(201, """{"id":"a:1qhN","activityId":"act-1","serviceUrl":"https://smba.example/"}"""));
        await using var provider = ConnectorTestHost.Build();
        var parameters = new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:user" }],
            TenantId = TenantId,
            ChannelData = new TeamsChannelData { Tenant = new TeamsIdentifier { Id = TenantId } },
        };

        var result = await provider.Client().CreateConversationAsync(server.BaseUrl, parameters, CancellationToken.None);

        Assert.Equal("a:1qhN", result.Id);
        Assert.Equal("act-1", result.ActivityId);
        Assert.Equal("https://smba.example/", result.ServiceUrl);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/conversations", request.RawTarget);
        using var body = JsonDocument.Parse(request.Body);
        AssertNoNulls(body.RootElement);
        Assert.False(body.RootElement.TryGetProperty("isGroup", out _));
        Assert.Equal("29:user", body.RootElement.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal(TenantId, body.RootElement.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
    }

    [Fact]
    public async Task GetPagedMembersAsync_PageSizeAndToken_SendsQueryAndParsesMembers()
    {
        await using var server = await FakeConnectorServer.StartAsync(_ => FakeResponse.Json(200, """
            {"continuationToken":"next+/=","members":[
              {"id":"29:a","name":"Adele","objectId":"oid-a","userPrincipalName":"adele@contoso.com","tenantId":"t","userRole":"user"},
              {"id":"29:b","aadObjectId":"oid-b"}]}
            """));
        await using var provider = ConnectorTestHost.Build();

        var page = await provider.Client().GetPagedMembersAsync(server.BaseUrl, "19:team@thread.tacv2", 100, "tok en+/=", CancellationToken.None);

        Assert.Equal("next+/=", page.ContinuationToken);
        Assert.NotNull(page.Members);
        Assert.Collection(page.Members,
            m => { Assert.Equal("29:a", m.Id); Assert.Equal("oid-a", m.EntraObjectId); Assert.Equal("adele@contoso.com", m.UserPrincipalName); },
            m => Assert.Equal("oid-b", m.EntraObjectId));
        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v3/conversations/19%3Ateam%40thread.tacv2/pagedmembers?pageSize=100&continuationToken=tok%20en%2B%2F%3D", request.RawTarget);
    }

    [Fact]
    public async Task GetPagedMembersAsync_NoToken_OmitsContinuationToken()
    {
        await using var server = await FakeConnectorServer.StartAsync(_ => FakeResponse.Json(200, """{"members":[]}"""));
        await using var provider = ConnectorTestHost.Build();

        var page = await provider.Client().GetPagedMembersAsync(server.BaseUrl, "a:1", 50, null, CancellationToken.None);

        Assert.Null(page.ContinuationToken);
        Assert.Equal("/v3/conversations/a%3A1/pagedmembers?pageSize=50", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task GetTeamChannelsAsync_TeamId_GetsEncodedPathAndParsesChannels()
    {
        await using var server = await FakeConnectorServer.StartAsync(_ => FakeResponse.Json(200, """
            {"conversations":[{"id":"19:team@thread.tacv2"},{"id":"19:ch2@thread.tacv2","name":"Design"}]}
            """));
        await using var provider = ConnectorTestHost.Build();

        var channels = await provider.Client().GetTeamChannelsAsync(server.BaseUrl, "19:team@thread.tacv2", CancellationToken.None);

        Assert.Collection(channels,
            c => { Assert.Equal("19:team@thread.tacv2", c.Id); Assert.Null(c.Name); },
            c => Assert.Equal("Design", c.Name));
        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v3/teams/19%3Ateam%40thread.tacv2/conversations", request.RawTarget);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/t1/")]
    [InlineData("https://smba.trafficmanager.net/amer/t1")]
    public void BuildUri_ServiceUrlWithOrWithoutSlash_KeepsBasePath(string serviceUrl)
    {
        var uri = ConnectorClient.BuildUri(serviceUrl, "v3/conversations/a%3A1/activities");

        Assert.Equal("https://smba.trafficmanager.net/amer/t1/v3/conversations/a%3A1/activities", uri.AbsoluteUri);
    }

    internal static ConversationAddress Address(FakeConnectorServer server) => new(server.BaseUrl, ChannelThreadId, TenantId);

    internal static Activity Message(string? text) => new() { Type = ActivityTypes.Message, Text = text };

    private static void AssertNoNulls(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                Assert.Fail("The request body contains a JSON null.");
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    AssertNoNulls(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AssertNoNulls(item);
                }

                break;
        }
    }
}
