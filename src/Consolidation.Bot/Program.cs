using Consolidation.Bot.Cli;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Hosting;
using Consolidation.Bot.Tab;

if (CliApplication.IsCommand(args))
{
    return await CliApplication.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddLocalSettings(builder.Environment.ContentRootPath);
builder.AddBotTelemetry();
builder.Services.AddConsolidationBot();
builder.Services.AddSecretariatTab(); // web host only: the command-line verbs render no pages

var app = builder.Build();
app.MapConsolidationBot();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
