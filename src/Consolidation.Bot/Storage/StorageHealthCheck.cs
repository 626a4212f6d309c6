using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Consolidation.Bot.Storage;

/// <summary><c>/readyz</c>: the table service answers within two seconds.</summary>
public sealed class StorageHealthCheck(TableClientProvider tables) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await tables.GetAsync(TableNames.ConversationReferences, timeout.Token);
            await foreach (var _ in tables.Service.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token))
            {
                break;
            }

            return HealthCheckResult.Healthy("Table storage reachable.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("Table storage unreachable.", ex);
        }
    }
}
