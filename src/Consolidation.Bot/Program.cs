using Consolidation.Bot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddConsolidationBot();

var app = builder.Build();
app.MapConsolidationBot();
app.Run();

/// <summary>Entry point; public so integration tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
