using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Consolidation.Bot.Testing;

namespace Consolidation.Bot.Benchmarks;

/// <summary>
/// What Azurite spends on a row, written alone or in an entity-group transaction: the same small row (the raw upsert of
/// <see cref="AnswerLatencyBenchmark"/>) from 32 concurrent clients, as single upserts, then in transactions of
/// <see cref="PerTransaction"/> inserts, replaces and merges. No bot and no target: it explains the answers ratio (an
/// answer's rows go to the store in grouped transactions, the raw baseline's one by one). Ratio: rows a second in
/// inserting transactions ÷ single upserts a second.
/// </summary>
public sealed class StoreRowCostBenchmark(int rows) : IBenchmark
{
    /// <summary>About what the answers benchmark's group commit sends per transaction (eight answers of two rows).</summary>
    private const int PerTransaction = 16;

    private const int Concurrency = 32;
    private const int WarmUp = 2000;

    public string Name => "store";

    public string Description => $"{rows} rows into Azurite from {Concurrency} clients: one per request, then in transactions of {PerTransaction}";

    public async Task<BenchResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        var next = 0;
        async Task<TableClient> FreshTableAsync()
        {
            var table = new TableClient(azurite.ConnectionString, "store" + (next++).ToString(CultureInfo.InvariantCulture));
            await table.CreateIfNotExistsAsync(cancellationToken);
            return table;
        }

        var warm = await FreshTableAsync();
        await ClosedLoop.RunAsync(Enumerable.Range(0, WarmUp), Concurrency, i => warm.UpsertEntityAsync(RawRow("store", i), TableUpdateMode.Replace, cancellationToken));
        await ClosedLoop.RunAsync(Enumerable.Range(0, WarmUp / PerTransaction), Concurrency, b => warm.SubmitTransactionAsync(Batch(b, i => new(TableTransactionActionType.UpsertReplace, RawRow("store", i))), cancellationToken));

        var singles = await FreshTableAsync();
        var single = await MeasureAsync(azurite, rows, i => singles.UpsertEntityAsync(RawRow("store", i), TableUpdateMode.Replace, cancellationToken));
        var grouped = await FreshTableAsync();
        var inserts = await MeasureAsync(azurite, rows / PerTransaction, b => grouped.SubmitTransactionAsync(Batch(b, i => new(TableTransactionActionType.Add, RawRow("store", i))), cancellationToken));
        var replaces = await MeasureAsync(azurite, rows / PerTransaction, b => grouped.SubmitTransactionAsync(Batch(b, i => new(TableTransactionActionType.UpdateReplace, RawRow("store", i), ETag.All)), cancellationToken));
        var merges = await MeasureAsync(azurite, rows / PerTransaction, b => grouped.SubmitTransactionAsync(Batch(b, i => new(TableTransactionActionType.UpdateMerge, RawRow("store", i), ETag.All)), cancellationToken));
        var perRow = rows / PerTransaction * PerTransaction;
        return new BenchResult(
            [
                new Metric("single upserts/s", rows / single.Elapsed, "1/s"),
                new Metric("Azurite CPU per single upsert", single.StoreMs / rows, "ms"),
                new Metric("rows/s in inserting transactions", perRow / inserts.Elapsed, "1/s"),
                new Metric("Azurite CPU per inserted row", inserts.StoreMs / perRow, "ms"),
                new Metric("rows/s in replacing transactions", perRow / replaces.Elapsed, "1/s"),
                new Metric("Azurite CPU per replaced row", replaces.StoreMs / perRow, "ms"),
                new Metric("rows/s in merging transactions", perRow / merges.Elapsed, "1/s"),
                new Metric("Azurite CPU per merged row", merges.StoreMs / perRow, "ms"),
            ],
            "transaction rows/s ÷ single upserts/s",
            perRow / inserts.Elapsed / (rows / single.Elapsed),
            []);
    }

    /// <summary>The row of the raw upsert baselines (here and in <see cref="AnswerLatencyBenchmark"/>): a few typed properties.</summary>
    public static TableEntity RawRow(string partition, int i) => new(partition, i.ToString("D7", CultureInfo.InvariantCulture))
    {
        ["Decision"] = "Keep",
        ["AnnualCases"] = 1200,
        ["StaffHours"] = 300.0,
        ["At"] = DateTimeOffset.UtcNow,
    };

    private static List<TableTransactionAction> Batch(int batch, Func<int, TableTransactionAction> action) =>
        Enumerable.Range(batch * PerTransaction, PerTransaction).Select(action).ToList();

    private static async Task<(double Elapsed, double StoreMs)> MeasureAsync(AzuriteProcess azurite, int requests, Func<int, Task> send)
    {
        var cpu = azurite.ProcessorTime;
        var watch = Stopwatch.StartNew();
        await ClosedLoop.RunAsync(Enumerable.Range(0, requests), Concurrency, send);
        return (watch.Elapsed.TotalSeconds, (azurite.ProcessorTime - cpu).TotalMilliseconds);
    }
}
