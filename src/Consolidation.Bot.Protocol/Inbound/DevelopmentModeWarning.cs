using Consolidation.Bot.Protocol.Auth;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Protocol.Inbound;

/// <summary>Logs a loud warning at start-up when <c>Bot:AppId</c> is empty (tokens are not validated).</summary>
internal sealed class DevelopmentModeWarning(
    IOptions<BotAuthenticationOptions> options, ILogger<DevelopmentModeWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsDevelopmentMode)
        {
            InboundLog.DevelopmentModeEnabled(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
