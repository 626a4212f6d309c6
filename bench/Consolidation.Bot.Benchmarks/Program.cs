using Consolidation.Bot.Benchmarks;

return await BenchmarkRunner.RunAsync(args);
