using Microsoft.Extensions.Time.Testing;

namespace Consolidation.Bot.IntegrationTests.Schedules;

/// <summary>
/// Moves a shared <see cref="FakeTimeProvider"/> forward in small steps in the background, so the bot's timers (scheduler,
/// outbox polling, rate limiter) all see time pass, faster than the wall clock.
/// </summary>
public sealed class ClockPump : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ClockPump(FakeTimeProvider clock, TimeSpan step, DateTimeOffset until)
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested && clock.GetUtcNow() < until)
            {
                clock.Advance(step);
                await Task.Delay(10);
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
