using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Infrastructure;

/// <summary>
/// The real bot (its own Program) on Kestrel at http://127.0.0.1:{Port}, so that external peers such as the
/// Playground can call it. Settings override configuration; <paramref name="configureServices"/> can swap
/// seams (a FakeTimeProvider, a Graph mock) after the bot's own registrations.
/// </summary>
public sealed class BotHost(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null, int? port = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The loopback port; pass the same one to a second host to "restart the bot" behind a running Playground.</summary>
    public int Port { get; } = port ?? FreePort.Next();

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public string MessagesUrl => BaseUrl + "/api/messages";

    /// <summary>Starts Kestrel and returns once the bot answers /healthz.</summary>
    public async Task StartAsync()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, Port));
        StartServer();
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                if ((await http.GetAsync(BaseUrl + "/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The bot did not answer /healthz.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// No outbox message waiting or in hand in any queue (the approximate count includes leased messages, so a message
    /// a stopped instance held counts until it has come back and been handled): nothing more will be sent.
    /// </summary>
    public bool OutboxDrained() =>
        Services.GetRequiredService<Consolidation.Bot.Outbox.OutboxClient>().ApproximateCountAsync(CancellationToken.None).GetAwaiter().GetResult() == 0;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development: these hosts run without an app id on loopback, the only place where that is allowed.
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        if (configureServices is not null)
        {
            builder.ConfigureServices(configureServices);
        }
    }
}
