using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Consolidation.Bot.Protocol.Tests.Auth;

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
}
