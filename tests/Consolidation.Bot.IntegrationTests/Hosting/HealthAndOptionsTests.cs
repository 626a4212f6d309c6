using System.Net;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.IntegrationTests.Hosting;

[Collection(AzuriteCollection.Name)]
public class HealthAndOptionsTests(AzuriteFixture azurite)
{
    private BotHost Host(IDictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = azurite.NewTablePrefix(),
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return new BotHost(settings);
    }

    [Fact]
    public async Task Healthz_And_Readyz_StorageUp_Return200()
    {
        await using var host = Host(new Dictionary<string, string?>());
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task Readyz_StorageUnreachable_Returns503WhileHealthzStays200()
    {
        var closedPort = FreePort.Next();
        await using var host = Host(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString.Replace($":{azurite.TablePort}/", $":{closedPort}/", StringComparison.Ordinal),
        });
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz")).StatusCode);
    }

    [Theory]
    [InlineData("Review:TimeZone", "Mars/Olympus_Mons", "Review:TimeZone")]
    [InlineData("Review:Locale", "fr-FR", "Review:Locale")]
    [InlineData("Storage:TablePrefix", "bad-prefix!", "TablePrefix")]
    [InlineData("Bot:OpenIdMetadataUrl", "http://example.invalid/metadata", "OpenIdMetadataUrl")]
    [InlineData("Storage:TableEndpoint", "http://city.table.core.windows.net/", "Storage:TableEndpoint must be an absolute https URL")]
    [InlineData("Outbox:Concurrency", "64", "Outbox:Concurrency must be between 1 and 32")]
    [InlineData("Outbox:Lease", "00:00:00", "Outbox:Lease must be between 1 second and 7 days")]
    [InlineData("Outbox:MaxDeliveries", "0", "Outbox:MaxDeliveries must be between 1 and 1000")]
    [InlineData("Outbox:PollInterval", "00:00:00", "Outbox:PollInterval must be between 10 ms and 5 minutes")]
    [InlineData("Outbox:QueueScanInterval", "00:00:00", "Outbox:QueueScanInterval must be between 100 ms and 1 hour")]
    [InlineData("SendBudget:Tolerance", "00:00:02", "SendBudget:Tolerance must be between 5 ms and 1 s")]
    [InlineData("SendBudget:ArrivalSpread", "00:00:00.010", "SendBudget:ArrivalSpread must be at least SendBudget:Tolerance")]
    [InlineData("SendBudget:MaxGrantsPerClaim", "0", "SendBudget:MaxGrantsPerClaim must be between 1 and 64")]
    [InlineData("Graph:BaseUrl", "http://graph.example.invalid/v1.0", "Graph:BaseUrl must be an absolute https URL")]
    [InlineData("Graph:ServiceUrl", "smba.trafficmanager.net/teams/", "Graph:ServiceUrl must be an absolute https URL")]
    public async Task Startup_InvalidSetting_FailsWithTheSettingNamed(string key, string value, string expectedInMessage)
    {
        // The real process (a WebApplicationFactory host that fails to start can surface ObjectDisposedException instead
        // of the validation failure, depending on timing).
        await using var bot = Consolidation.Bot.Testing.BotProcess.Start(Consolidation.Bot.Testing.FreePort.Next(), new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = azurite.NewTablePrefix(),
            [key] = value,
        });

        Assert.True(await bot.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the bot did not stop:\n" + bot.Output);
        Assert.NotEqual(0, bot.ExitCode);
        Assert.Contains(nameof(OptionsValidationException), bot.Output, StringComparison.Ordinal);
        Assert.Contains(expectedInMessage, bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_UnknownGraphCredential_FailsWithTheSettingAndValueNamed()
    {
        await using var bot = Consolidation.Bot.Testing.BotProcess.Start(Consolidation.Bot.Testing.FreePort.Next(), new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = azurite.NewTablePrefix(),
            ["Graph:Credential"] = "Certificate",
        });

        Assert.True(await bot.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the bot did not stop:\n" + bot.Output);
        Assert.NotEqual(0, bot.ExitCode);
        Assert.Contains("Failed to convert configuration value 'Certificate' at 'Graph:Credential'", bot.Output, StringComparison.Ordinal);
    }
}
