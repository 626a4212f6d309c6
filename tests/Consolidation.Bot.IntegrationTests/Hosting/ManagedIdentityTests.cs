using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Protocol.Tests.Auth;
using Consolidation.Bot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.IntegrationTests.Hosting;

/// <summary>
/// The bot process as deployed by infra/: no secret anywhere. Its connector token and its storage tokens both come from
/// the host's managed-identity endpoint (App Service's IDENTITY_ENDPOINT, served on loopback), storage is an Azurite in
/// OAuth mode over HTTPS (shared keys not used), and the Bot Connector is an HTTPS listener allowed by
/// Bot:ServiceUrlHosts.
/// </summary>
public sealed class ManagedIdentityTests
{
    [Fact]
    public async Task BotWithUserAssignedIdentity_ConnectorAndStorageTokensFromTheIdentityEndpoint()
    {
        using var certificate = TestCertificate.Create();
        await using var storage = new AzuriteProcess(oauth: certificate);
        await storage.StartAsync();
        await using var identity = await FakeGraph.StartAsync(_ => []);
        await using var connector = await FakeConnector.StartAsync(certificate: certificate);
        await using var ingestion = await TelemetryIngestion.StartAsync(certificate);
        var metadata = new OpenIdMetadataServer();
        await metadata.InitializeAsync();
        try
        {
            await using var bot = BotProcess.Start(FreePort.Next(), new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["Bot:AppId"] = TestTokens.AppId,
                ["Bot:Credential"] = "UserAssignedMsi",
                ["Bot:TenantId"] = TestTokens.TenantId,
                ["Bot:OpenIdMetadataUrl"] = metadata.BotFrameworkMetadataUrl,
                ["Bot:ServiceUrlHosts:0"] = $"127.0.0.1:{connector.Port}",
                ["Storage:TableEndpoint"] = storage.TableEndpoint,
                ["Storage:QueueEndpoint"] = storage.QueueEndpoint,
                ["Storage:ManagedIdentityClientId"] = TestTokens.AppId,
                ["Storage:TablePrefix"] = "msi",
                ["Schedules:Enabled"] = "false",
                ["Outbox:QueueScanInterval"] = "00:00:01",
                ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = $"InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint={ingestion.Url}",
                ["Telemetry:ManagedIdentityClientId"] = TestTokens.AppId,
                ["IDENTITY_ENDPOINT"] = identity.IdentityEndpoint,
                ["IDENTITY_HEADER"] = FakeGraph.IdentityHeader,
                // The test certificate is the only root this process trusts: Azurite and the connector present it.
                ["SSL_CERT_FILE"] = certificate.CertificatePem,
            });

            // Ready means the table service answered a token-authenticated query.
            await bot.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, bot.MessagesUrl)
            {
                Content = new StringContent(Help(connector.ServiceUrl).ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new("Bearer", TestTokens.Create(metadata.Keys.BotFramework.SecurityKey, serviceUrl: connector.ServiceUrl,
                notBefore: DateTimeOffset.UtcNow.AddMinutes(-1), expires: DateTimeOffset.UtcNow.AddMinutes(30)));
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            await bot.WaitForAsync(() => connector.Deliveries.Count > 0, "the help reply at the connector");
            var reply = connector.Deliveries[0];
            Assert.StartsWith("Bearer ", reply.Authorization, StringComparison.Ordinal);
            Assert.Equal("https://api.botframework.com", Audience(reply.Authorization!["Bearer ".Length..]));
            Assert.Contains("https://api.botframework.com", identity.TokenResources);
            Assert.Contains("https://storage.azure.com", identity.TokenResources);
            Assert.DoesNotContain("AppPassword", bot.Output, StringComparison.Ordinal);

            // The outbox worker created its queue with a token too (read back here with the account key over TLS).
            var queues = new Azure.Storage.Queues.QueueServiceClient(storage.ConnectionString, new Azure.Storage.Queues.QueueClientOptions
            {
                Transport = new Azure.Core.Pipeline.HttpClientTransport(new HttpClientHandler
                {
                    ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Certificate.Thumbprint,
                }),
            });
            await bot.WaitForAsync(() => queues.GetQueueClient("msioutbox").Exists().Value, "the outbox queue created with the identity's token");
            Assert.DoesNotContain("Outbox queue unavailable", bot.Output, StringComparison.Ordinal);

            // A tenant's queue this instance never wrote to (another instance did) is found by listing the account with
            // the identity's token, and its message received and deleted with it too.
            var names = new OutboxClient(Options.Create(new StorageOptions { TablePrefix = "msi", ConnectionString = storage.ConnectionString }), NullLogger<OutboxClient>.Instance);
            var tenantQueue = queues.GetQueueClient(names.QueueNameFor(TestTokens.TenantId));
            await tenantQueue.CreateAsync();
            await tenantQueue.SendMessageAsync(JsonSerializer.Serialize(new OutboxMessage
            {
                Kind = OutboxMessage.NextCard, ReviewId = "no-such-review", TenantId = TestTokens.TenantId, Email = "someone@city.example.jp",
            }, OutboxJsonContext.Default.OutboxMessage));
            await bot.WaitForAsync(() => tenantQueue.GetProperties().Value.ApproximateMessagesCount == 0, "the tenant's message handled through the listed queue");
            Assert.DoesNotContain("poison", bot.Output, StringComparison.OrdinalIgnoreCase);

            // Telemetry goes to Azure Monitor with the identity's token (local authentication is off in infra/).
            await bot.WaitForAsync(() => ingestion.Requests.Count > 0, "telemetry at the ingestion endpoint");
            Assert.All(ingestion.Requests, r => Assert.StartsWith("Bearer ", r, StringComparison.Ordinal));
            Assert.Contains(identity.TokenResources, r => r.StartsWith("https://monitor.azure.com", StringComparison.Ordinal));

            // Outside development the console log is JSON, one entry a line, Japanese and quotes unescaped.
            Assert.Contains(bot.Output.Split('\n'), line => line.StartsWith("{\"Timestamp\"", StringComparison.Ordinal));
        }
        finally
        {
            await metadata.DisposeAsync();
        }
    }

    private static string? Audience(string jwt) =>
        (string?)JsonNode.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(jwt.Split('.')[1]))!["aud"];

    private static JsonObject Help(string serviceUrl) => new()
    {
        ["type"] = "message",
        ["id"] = "1700000000002",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:someone", ["name"] = "職員", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000aa" },
        ["recipient"] = new JsonObject { ["id"] = "28:" + TestTokens.AppId, ["name"] = "集約化ボット" },
        ["conversation"] = new JsonObject { ["id"] = "a:msi-chat", ["conversationType"] = "personal", ["tenantId"] = TestTokens.TenantId },
        ["text"] = "help",
    };

    /// <summary>An HTTPS listener standing in for Application Insights' ingestion endpoint; records each request's Authorization.</summary>
    private sealed class TelemetryIngestion : IAsyncDisposable
    {
        private readonly Microsoft.AspNetCore.Builder.WebApplication _app;
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _requests = new();

        private TelemetryIngestion(Microsoft.AspNetCore.Builder.WebApplication app, int port)
        {
            _app = app;
            Url = $"https://127.0.0.1:{port}/";
        }

        public string Url { get; }

        public IReadOnlyList<string> Requests => [.. _requests];

        public static async Task<TelemetryIngestion> StartAsync(TestCertificate certificate)
        {
            var port = FreePort.Next();
            var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
            builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, port, l => l.UseHttps(certificate.Certificate)));
            var app = builder.Build();
            var ingestion = new TelemetryIngestion(app, port);
            app.MapPost("/v2.1/track", (Microsoft.AspNetCore.Http.HttpContext http) =>
            {
                ingestion._requests.Enqueue(http.Request.Headers.Authorization.ToString());
                return Microsoft.AspNetCore.Http.Results.Json(new { itemsReceived = 0, itemsAccepted = 0, errors = Array.Empty<object>() });
            });
            await app.StartAsync();
            return ingestion;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
