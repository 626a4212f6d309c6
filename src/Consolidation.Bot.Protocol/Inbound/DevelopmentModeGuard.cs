using Consolidation.Bot.Protocol.Auth;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Protocol.Inbound;

/// <summary>
/// At web-host start: refuses to start without <c>Bot:AppId</c> outside the Development environment (fail closed),
/// and warns loudly when development mode is on. The request-time check in <see cref="BotMessagesHandler"/> holds
/// even for a request that arrives before this service has run.
/// </summary>
internal sealed class DevelopmentModeGuard(DevelopmentMode mode, ILogger<DevelopmentModeGuard> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (mode.StartupProblem is { } problem)
        {
            InboundLog.RefusingToStart(logger, problem);
            throw new OptionsValidationException(BotAuthenticationOptions.SectionName, typeof(BotAuthenticationOptions), [problem]);
        }

        if (mode.IsEnabled)
        {
            InboundLog.DevelopmentModeEnabled(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
