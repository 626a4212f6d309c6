using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Consolidation.Bot.Hosting;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Protocol.Tests.Auth;

namespace Consolidation.Bot.IntegrationTests.Hosting;

/// <summary>
/// The real bot process as an operator would start it: no app id outside Development refuses to start; with an app id,
/// a correctly signed activity whose serviceurl names a listener that is not a Bot Connector gets nothing sent there.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FailClosedStartupTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Start_NoAppIdOutsideDevelopment_RefusesToStartNamingTheSetting(string environment)
    {
        await using var bot = BotProcess.Start(FreePort.Next(), new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment,
            ["DOTNET_ENVIRONMENT"] = environment,
            ["Bot:AppId"] = "",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = azurite.NewTablePrefix(),
        });

        Assert.True(await bot.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the bot did not stop:\n" + bot.Output);
        Assert.NotEqual(0, bot.ExitCode);
        Assert.Contains("Refusing to start: Bot:AppId is empty and the host environment is '" + environment + "'", bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_AppIdWithoutPassword_RefusesToStartNamingTheSetting()
    {
        await using var bot = BotProcess.Start(FreePort.Next(), ProductionSettings("http://127.0.0.1:1/unused", password: null));

        Assert.True(await bot.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the bot did not stop:\n" + bot.Output);
        Assert.NotEqual(0, bot.ExitCode);
        Assert.Contains("Bot:AppPassword is required when Bot:AppId is set", bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_LocalSettingsFileInContentRoot_IsRead()
    {
        // appsettings.sample.json tells operators to put their settings in appsettings.Local.json in the content root:
        // a bad value there must stop the bot, which proves the file is read.
        var root = Directory.CreateTempSubdirectory("local-settings-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(root, LocalSettings.FileName), """{ "Review": { "TimeZone": "Mars/Olympus_Mons" } }""");
            await using var bot = BotProcess.Start(FreePort.Next(), new Dictionary<string, string?>
            {
                ["Bot:AppId"] = "",
                ["Storage:ConnectionString"] = azurite.ConnectionString,
                ["Storage:TablePrefix"] = azurite.NewTablePrefix(),
            }, workingDirectory: root);

            Assert.True(await bot.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the bot did not stop:\n" + bot.Output);
            Assert.Contains("Review:TimeZone", bot.Output, StringComparison.Ordinal);
            Assert.Contains("Mars/Olympus_Mons", bot.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void SampleSettings_TellWhereTheLocalFileGoes()
    {
        var sample = File.ReadAllText(Path.Combine(RepoPaths.Root, "appsettings.sample.json"));

        Assert.Contains("Copy to " + LocalSettings.FileName, sample, StringComparison.Ordinal);
        Assert.Contains("src/Consolidation.Bot/", sample, StringComparison.Ordinal);
        Assert.Contains(LocalSettings.FileName, File.ReadAllText(Path.Combine(RepoPaths.Root, ".gitignore")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedActivity_ServiceUrlOnLoopbackListener_ListenerReceivesNothing()
    {
        var server = new OpenIdMetadataServer();
        await server.InitializeAsync();
        await using var listener = await FakeConnector.StartAsync();
        try
        {
            await using var bot = BotProcess.Start(FreePort.Next(), ProductionSettings(server.BotFrameworkMetadataUrl));
            await bot.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            var serviceUrl = listener.ServiceUrl;
            var token = TestTokens.Create(server.Keys.BotFramework.SecurityKey, serviceUrl: serviceUrl,
                notBefore: DateTimeOffset.UtcNow.AddMinutes(-1), expires: DateTimeOffset.UtcNow.AddMinutes(30));

            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, bot.MessagesUrl)
            {
                Content = new StringContent(Help(serviceUrl).ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new("Bearer", token);
            using var response = await http.SendAsync(request);

            // The token is genuine, so the turn runs; its reply must not go to a service URL that is not a Bot Connector.
            Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
            await bot.WaitForAsync(() => bot.Output.Contains("is not an allowed Bot Connector URL", StringComparison.Ordinal), "the refusal to send");
            Assert.Empty(listener.Deliveries);
            Assert.DoesNotContain(token, bot.Output, StringComparison.Ordinal);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private Dictionary<string, string?> ProductionSettings(string metadataUrl, string? password = "unused-secret") => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["Bot:AppId"] = TestTokens.AppId,
        ["Bot:AppPassword"] = password,
        ["Bot:TenantId"] = TestTokens.TenantId,
        ["Bot:OpenIdMetadataUrl"] = metadataUrl,
        ["Storage:ConnectionString"] = azurite.ConnectionString,
        ["Storage:TablePrefix"] = azurite.NewTablePrefix(),
        ["Schedules:Enabled"] = "false",
    };

    private static JsonObject Help(string serviceUrl) => new()
    {
        ["type"] = "message",
        ["id"] = "1700000000001",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:attacker", ["name"] = "Someone", ["aadObjectId"] = "00000000-0000-0000-0000-00000000a77a" },
        ["recipient"] = new JsonObject { ["id"] = "28:" + TestTokens.AppId, ["name"] = "集約化ボット" },
        ["conversation"] = new JsonObject { ["id"] = "a:attacker-chat", ["conversationType"] = "personal", ["tenantId"] = TestTokens.TenantId },
        ["text"] = "help",
    };
}
