using System.Collections.Concurrent;

namespace Consolidation.Bot.Benchmarks;

/// <summary>
/// Closed-loop load, as every benchmark here drives it: a fixed number of clients, each sending the next item as soon
/// as its last one is answered, until none are left. The rate measured is then what the system under test sustains.
/// </summary>
internal static class ClosedLoop
{
    public static Task RunAsync(IEnumerable<int> items, int clients, Func<int, Task> send)
    {
        var work = new ConcurrentQueue<int>(items);
        return Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (work.TryDequeue(out var item))
            {
                await send(item);
            }
        }));
    }
}
