using Consolidation.Bot.Hosting;
using Consolidation.Bot.IntegrationTests.Infrastructure;
using Consolidation.Bot.Protocol.Auth;
using Consolidation.Bot.Protocol.Connector;
using Consolidation.Bot.Storage;
using Microsoft.Extensions.Configuration;

namespace Consolidation.Bot.IntegrationTests.Hosting;

/// <summary>appsettings.sample.json documents every setting: it must stay loadable and bind to the real option types.</summary>
public class SampleSettingsTests
{
    [Fact]
    public void SampleSettings_LoadAndBindToEveryOptionsSection()
    {
        var config = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepoPaths.Root, "appsettings.sample.json"), optional: false).Build();

        var bot = config.GetSection(BotAuthenticationOptions.SectionName).Get<BotAuthenticationOptions>()!;
        var connector = config.GetSection(ConnectorOptions.SectionName).Get<ConnectorOptions>()!;
        var storage = config.GetSection(StorageOptions.SectionName).Get<StorageOptions>()!;
        var review = config.GetSection(ReviewOptions.SectionName).Get<ReviewOptions>()!;
        var outbox = config.GetSection(Consolidation.Bot.Outbox.OutboxOptions.SectionName).Get<Consolidation.Bot.Outbox.OutboxOptions>()!;
        var graph = config.GetSection(Consolidation.Bot.Graph.GraphOptions.SectionName).Get<Consolidation.Bot.Graph.GraphOptions>()!;
        var schedules = config.GetSection(Consolidation.Bot.Scheduling.ScheduleOptions.SectionName).Get<Consolidation.Bot.Scheduling.ScheduleOptions>()!;
        var budget = config.GetSection(Consolidation.Bot.SendBudget.SendBudgetOptions.SectionName).Get<Consolidation.Bot.SendBudget.SendBudgetOptions>()!;

        Assert.True(bot.IsAppIdMissing);
        Assert.Empty(bot.ServiceUrlHosts);
        Assert.Equal(BotAuthenticationOptions.DefaultOpenIdMetadataUrl, bot.OpenIdMetadataUrl);
        Assert.Equal(262144, bot.MaxRequestBodyBytes);
        Assert.Equal(6, connector.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(100), connector.RateLimitSafetyMargin);
        Assert.Equal("UseDevelopmentStorage=true", storage.ConnectionString);
        Assert.False(storage.UsesToken);
        Assert.Equal(BotCredentialKind.ClientSecret, bot.Credential);
        Assert.Equal("Asia/Tokyo", review.TimeZone);
        Assert.Equal(TimeSpan.FromMinutes(1), outbox.Lease);
        Assert.Equal(16, outbox.Concurrency);
        Assert.Equal(TimeSpan.FromSeconds(10), outbox.QueueScanInterval);
        Assert.True(budget.Enabled);
        Assert.Equal(new Consolidation.Bot.SendBudget.SendBudgetOptions().ArrivalSpread, budget.ArrivalSpread);
        Assert.Equal(new Consolidation.Bot.SendBudget.SendBudgetOptions().Tolerance, budget.Tolerance);
        Assert.Equal(new Consolidation.Bot.SendBudget.SendBudgetOptions().GrantAhead, budget.GrantAhead);
        Assert.Equal("0 9 * * MON", schedules.Digest);
        Assert.False(graph.IsConfigured);
        Assert.Equal(Consolidation.Bot.Graph.GraphCredentialKind.ClientSecret, graph.Credential);
        Assert.Equal("https://graph.microsoft.com/.default", graph.Scope);
        Assert.Equal("https://graph.microsoft.com/v1.0", graph.BaseUrl);
        Assert.Equal([3, 1, 0], schedules.EffectiveReminderDaysBefore);
        Assert.Empty(schedules.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(schedules)));
    }
}
