namespace Consolidation.Bot.Benchmarks;

/// <summary>A scenario measured end to end against real local peers (Azurite, the bot as a process, a fake connector).</summary>
public interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    Task<BenchResult> RunAsync(CancellationToken cancellationToken);
}
