using Consolidation.Bot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Consolidation.Bot.Testing.Scenarios;

/// <summary>
/// The bot's own services (storage, review, outbox client) on a given store, without its web host or background
/// workers: what a test or benchmark uses to seed and inspect the data a separate bot process works on.
/// </summary>
public static class BotServices
{
    /// <param name="configure">Replaces seams after the bot's registrations (e.g. Microsoft Graph with a mock).</param>
    public static ServiceProvider Create(string connectionString, string tablePrefix, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TablePrefix"] = tablePrefix,
            ["Outbox:Enabled"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        // As the bot runs locally: development mode (no app id), so the loopback fake connector is an allowed service URL.
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment
        {
            EnvironmentName = Microsoft.Extensions.Hosting.Environments.Development,
            ApplicationName = "Consolidation.Bot",
            ContentRootPath = AppContext.BaseDirectory,
        });
        services.AddConsolidationBot();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
