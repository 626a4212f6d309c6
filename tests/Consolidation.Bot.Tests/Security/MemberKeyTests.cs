using Consolidation.Bot.Diagnostics;

namespace Consolidation.Bot.Tests.Security;

public class MemberKeyTests
{
    [Fact]
    public void Of_Email_IsAShortHashWithoutTheEmail()
    {
        var key = MemberKey.Of("Hanako.Yamada@City.Example.jp");

        Assert.Matches("^m-[0-9a-f]{10}$", key.ToString());
        Assert.DoesNotContain("hanako", key.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@", key.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Of_SameMemberDifferentlyWritten_SameKey() =>
        Assert.Equal(MemberKey.Of(" hanako.yamada@city.example.jp "), MemberKey.Of("HANAKO.YAMADA@CITY.EXAMPLE.JP"));

    [Fact]
    public void Of_DifferentMembers_DifferentKeys() =>
        Assert.NotEqual(MemberKey.Of("a@city.example.jp"), MemberKey.Of("b@city.example.jp"));

    [Fact]
    public void LogMethods_GivenAnEmail_WriteOnlyItsKey()
    {
        var logger = new CapturingLogger();

        Log.CardSent(logger, "J-0001", "hanako.yamada@city.example.jp");
        Log.MemberUnreachable(logger, "hanako.yamada@city.example.jp", "BotNotInConversationRoster");

        Assert.All(logger.Messages, m => Assert.DoesNotContain("hanako", m, StringComparison.OrdinalIgnoreCase));
        Assert.All(logger.Messages, m => Assert.Contains(MemberKey.Of("hanako.yamada@city.example.jp").ToString(), m, StringComparison.Ordinal));
    }

    private sealed class CapturingLogger : Microsoft.Extensions.Logging.ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
