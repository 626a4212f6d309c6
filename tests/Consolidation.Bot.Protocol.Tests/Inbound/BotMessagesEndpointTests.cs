using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Protocol.Tests.Auth;
using Consolidation.Bot.Protocol.Tests.TestData;

namespace Consolidation.Bot.Protocol.Tests.Inbound;

/// <summary>The /api/messages pipeline in development mode (no AppId): everything but token validation.</summary>
public sealed class BotMessagesEndpointTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_DevelopmentModeUnsigned_Returns200AndProcessesAnonymously()
    {
        var response = await _host.PostAsync(TestActivities.Message().ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var call = Assert.Single(_host.Processor.Calls);
        Assert.Equal("hello", call.Activity.Text);
        Assert.Equal("anonymous", call.Identity.AuthenticationType);
    }

    [Fact]
    public async Task Post_DevelopmentModeDummyBearer_Returns200()
    {
        var response = await _host.PostAsync(TestActivities.Message().ToJsonString(), "Bearer not.a.jwt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_host.Processor.Calls);
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400Problem()
    {
        var response = await _host.PostAsync("""{"type":"message", """);

        var detail = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON", detail, StringComparison.Ordinal);
        Assert.Empty(_host.Processor.Calls);
    }

    [Theory]
    [InlineData("[]", "not an array")]
    [InlineData("\"message\"", "not a string")]
    [InlineData("null", "not null")]
    [InlineData("", "empty")]
    public async Task Post_BodyNotAnObject_Returns400Problem(string body, string expectedDetail)
    {
        var response = await _host.PostAsync(body);

        var detail = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(expectedDetail, detail, StringComparison.Ordinal);
        Assert.Empty(_host.Processor.Calls);
    }

    [Theory]
    [InlineData("type", "'type'")]
    [InlineData("conversation", "'conversation'")]
    [InlineData("serviceUrl", "'serviceUrl'")]
    [InlineData("from", "'from'")]
    public async Task Post_ActivityWithoutRequiredField_Returns400Problem(string property, string expectedDetail)
    {
        var response = await _host.PostAsync(TestActivities.Without(TestActivities.Message(), property));

        var detail = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(expectedDetail, detail, StringComparison.Ordinal);
        Assert.Empty(_host.Processor.Calls);
    }

    [Fact]
    public async Task Post_ConversationWithoutId_Returns400Problem()
    {
        var activity = TestActivities.Message();
        activity["conversation"] = new JsonObject { ["tenantId"] = TestTokens.TenantId };

        var response = await _host.PostAsync(activity.ToJsonString());

        var detail = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("'conversation.id'", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_FieldWithWrongJsonType_Returns400Problem()
    {
        var activity = TestActivities.Message();
        activity["from"] = "29:1-user";

        var response = await _host.PostAsync(activity.ToJsonString());

        var detail = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("$.from", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task Post_WrongContentType_Returns415Problem(string contentType)
    {
        var response = await _host.PostAsync(TestActivities.Message().ToJsonString(), contentType: contentType);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Empty(_host.Processor.Calls);
    }

    [Fact]
    public async Task Post_JsonWithCharset_Returns200()
    {
        var response = await _host.PostAsync(TestActivities.Message().ToJsonString(), contentType: "application/json; charset=utf-8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_ContentLengthOverLimit_Returns413Problem()
    {
        var response = await _host.PostAsync(OversizedActivity());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(_host.Processor.Calls);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_Returns413Problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new ChunkedContent(Encoding.UTF8.GetBytes(OversizedActivity())),
        };

        var response = await _host.Client.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(_host.Processor.Calls);
    }

    [Fact]
    public async Task Post_ChunkedBodyUnderLimit_Returns200()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new ChunkedContent(Encoding.UTF8.GetBytes(TestActivities.Message().ToJsonString())),
        };

        var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_Invoke_Returns200WithInvokeResponseBody()
    {
        _host.Processor.Respond = (_, _) => Task.FromResult<InvokeResponse?>(new InvokeResponse
        {
            StatusCode = 200,
            Type = ContentTypes.ActivityMessage,
            Value = System.Text.Json.JsonDocument.Parse("\"Done\"").RootElement.Clone(),
        });

        var response = await _host.PostAsync(TestActivities.Invoke().ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal(ContentTypes.ActivityMessage, body["type"]!.GetValue<string>());
        Assert.Equal("Done", body["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_InvokeUnhandled_Returns501()
    {
        var response = await _host.PostAsync(TestActivities.Invoke("composeExtension/query").ToJsonString());

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Single(_host.Processor.Calls);
    }

    [Fact]
    public async Task Post_UnknownActivityType_PassedToProcessorAnd200()
    {
        var response = await _host.PostAsync(TestActivities.Message("somethingNew").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("somethingNew", Assert.Single(_host.Processor.Calls).Activity.Type);
    }

    [Fact]
    public async Task Post_NonInvokeWithProcessorResponse_Returns200EmptyBody()
    {
        _host.Processor.Respond = (_, _) => Task.FromResult<InvokeResponse?>(new InvokeResponse());

        var response = await _host.PostAsync(TestActivities.Message().ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_TurnExceedsTimeout_ProcessorTokenCancelledAnd500()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Processor.Respond = async (_, token) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return null;
        };

        var pending = _host.PostAsync(TestActivities.Message().ToJsonString());
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _host.Time.Advance(TimeSpan.FromSeconds(16));
        var response = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.True(Assert.Single(_host.Processor.Calls).Token.IsCancellationRequested);
    }

    [Fact]
    public async Task Post_ProcessorToken_IsNotCancelledWhenRequestCompletes()
    {
        await _host.PostAsync(TestActivities.Message().ToJsonString());

        var token = Assert.Single(_host.Processor.Calls).Token;
        Assert.True(token.CanBeCanceled);
        Assert.False(token.IsCancellationRequested);
    }

    [Fact]
    public async Task Head_Messages_Returns200()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/api/messages");

        var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Processor.Calls);
    }

    public static TheoryData<string> FixtureNames() => [.. Fixtures.Names()];

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public async Task Post_Fixture_DevelopmentMode_ReachesProcessor(string name)
    {
        _host.Processor.Respond = (_, _) => Task.FromResult<InvokeResponse?>(new InvokeResponse());

        var response = await _host.PostAsync(Fixtures.ActivityJson(name));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_host.Processor.Calls);
    }

    private static string OversizedActivity()
    {
        var activity = TestActivities.Message();
        activity["text"] = new string('x', 257 * 1024);
        return activity.ToJsonString();
    }

    /// <summary>Content without a known length, so HttpClient sends it chunked.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            for (var offset = 0; offset < _bytes.Length; offset += 16 * 1024)
            {
                await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(16 * 1024, _bytes.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
