using ClosedXML.Excel;
using Consolidation.Bot.Cli;
using Consolidation.Bot.Export;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Infrastructure;

/// <summary>The exported workbook's task sheet (事務一覧), read by task id and Japanese column header.</summary>
internal sealed class ExportedTasks
{
    private readonly Dictionary<(string TaskId, string Header), string> _cells = [];

    private ExportedTasks(XLWorkbook workbook)
    {
        var sheet = workbook.Worksheet(ExportHeaders.TasksSheet);
        var headers = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        foreach (var row in sheet.RowsUsed().Skip(1))
        {
            for (var i = 0; i < headers.Count; i++)
            {
                _cells[(row.Cell(1).GetString(), headers[i])] = row.Cell(i + 1).GetString();
            }
        }
    }

    /// <summary>The cell of <paramref name="taskId"/>'s row under <paramref name="header"/>, as text ("" when empty).</summary>
    public string Cell(string taskId, string header) => _cells[(taskId, header)];

    /// <summary>The export the secretariat would download, written by the bot's own exporter.</summary>
    public static async Task<ExportedTasks> FromExporterAsync(IServiceProvider services, string reviewId)
    {
        using var stream = new MemoryStream();
        await services.GetRequiredService<ReviewExporter>().WriteAsync(reviewId, stream, CancellationToken.None);
        using var workbook = new XLWorkbook(stream);
        return new ExportedTasks(workbook);
    }

    /// <summary>The active review exported through the command line (<c>export --out</c>), as an operator would.</summary>
    public static async Task<ExportedTasks> FromCommandLineAsync(string connectionString, string tablePrefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.xlsx");
        try
        {
            using var output = new StringWriter();
            Assert.True(await CliApplication.RunAsync(["export", "--out", path], new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = connectionString,
                ["Storage:TablePrefix"] = tablePrefix,
            }, output, output) == 0, output.ToString());
            using var workbook = new XLWorkbook(path);
            return new ExportedTasks(workbook);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
