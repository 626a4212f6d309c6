using Consolidation.Bot.Protocol.Auth;
using Consolidation.Bot.Protocol.Inbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Protocol.Tests.Inbound;

public class DevelopmentModeWarningTests
{
    [Fact]
    public async Task StartAsync_AppIdEmpty_LogsWarning()
    {
        var logger = new ListLogger<DevelopmentModeWarning>();
        var warning = new DevelopmentModeWarning(Options.Create(new BotAuthenticationOptions()), logger);

        await warning.StartAsync(default);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(1000, entry.EventId.Id);
        Assert.Contains("Never run like this in production", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_AppIdSet_LogsNothing()
    {
        var logger = new ListLogger<DevelopmentModeWarning>();
        var options = new BotAuthenticationOptions { AppId = "11111111-2222-3333-4444-555555555555" };
        var warning = new DevelopmentModeWarning(Options.Create(options), logger);

        await warning.StartAsync(default);

        Assert.Empty(logger.Entries);
    }

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
