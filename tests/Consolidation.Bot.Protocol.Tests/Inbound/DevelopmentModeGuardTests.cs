using Consolidation.Bot.Protocol.Auth;
using Consolidation.Bot.Protocol.Inbound;
using Consolidation.Bot.Protocol.Tests.Auth;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Protocol.Tests.Inbound;

public class DevelopmentModeGuardTests
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";

    [Fact]
    public async Task StartAsync_NoAppIdInDevelopment_LogsWarningAndStarts()
    {
        var logger = new ListLogger<DevelopmentModeGuard>();

        await Guard(new BotAuthenticationOptions(), Environments.Development, logger).StartAsync(default);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(1000, entry.EventId.Id);
        Assert.Contains("Never run like this in production", entry.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public async Task StartAsync_NoAppIdOutsideDevelopment_RefusesToStartNamingTheSetting(string environment)
    {
        var logger = new ListLogger<DevelopmentModeGuard>();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => Guard(new BotAuthenticationOptions(), environment, logger).StartAsync(default));

        Assert.Contains("Bot:AppId", ex.Message, StringComparison.Ordinal);
        Assert.Contains(environment, ex.Message, StringComparison.Ordinal);
        Assert.Equal(LogLevel.Critical, Assert.Single(logger.Entries).Level);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task StartAsync_AppIdSet_StartsAndLogsNothing(string environment)
    {
        var logger = new ListLogger<DevelopmentModeGuard>();

        await Guard(new BotAuthenticationOptions { AppId = AppId }, environment, logger).StartAsync(default);

        Assert.Empty(logger.Entries);
    }

    [Fact]
    public void DevelopmentMode_NoHostEnvironment_IsOff()
    {
        var mode = new DevelopmentMode(Options.Create(new BotAuthenticationOptions()));

        Assert.False(mode.IsEnabled);
        Assert.False(mode.AllowsUnsignedFrom(System.Net.IPAddress.Loopback));
        Assert.NotNull(mode.StartupProblem);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("10.1.2.3", false)]
    [InlineData("203.0.113.9", false)]
    public void DevelopmentMode_InDevelopment_AllowsUnsignedFromLoopbackOnly(string address, bool allowed)
    {
        var mode = new DevelopmentMode(Options.Create(new BotAuthenticationOptions()), new TestEnvironment(Environments.Development));

        Assert.Equal(allowed, mode.AllowsUnsignedFrom(System.Net.IPAddress.Parse(address)));
    }

    private static DevelopmentModeGuard Guard(BotAuthenticationOptions options, string environment, ILogger<DevelopmentModeGuard> logger) =>
        new(new DevelopmentMode(Options.Create(options), new TestEnvironment(environment)), logger);

    private sealed class ListLogger<T> : ILogger<T>
    {
        public List<(LogLevel Level, EventId EventId, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, eventId, formatter(state, exception)));
    }
}
