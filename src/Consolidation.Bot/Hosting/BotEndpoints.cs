using Consolidation.Bot.Protocol.Inbound;
using Consolidation.Bot.Tab;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Consolidation.Bot.Hosting;

public static class BotEndpoints
{
    /// <summary>
    /// <c>POST /api/messages</c>, <c>GET /healthz</c> (process up), <c>GET /readyz</c> (storage reachable) and the
    /// secretariat's tab under <c>/tab</c>.
    /// </summary>
    public static WebApplication MapConsolidationBot(this WebApplication app)
    {
        app.MapBotMessages("/api/messages");
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapSecretariatTab();
        return app;
    }
}
