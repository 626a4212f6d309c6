using Consolidation.Bot.Protocol.Connector;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.SendBudget;

public static class SendBudgetServiceCollectionExtensions
{
    /// <summary>
    /// The tenant send budget shared through the store, so several instances together stay within Teams' limits.
    /// Off (<c>SendBudget:Enabled=false</c>) there is no <see cref="ISharedSendBudget"/> (the factory gives null) and the
    /// connector keeps the tenant's window in this process alone.
    /// </summary>
    public static IServiceCollection AddSendBudget(this IServiceCollection services)
    {
        services.AddOptions<SendBudgetOptions>().BindConfiguration(SendBudgetOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<TableSendBudget>();
        services.TryAddSingleton<ISharedSendBudget>(sp =>
            sp.GetRequiredService<IOptions<SendBudgetOptions>>().Value.Enabled ? sp.GetRequiredService<TableSendBudget>() : null!);
        return services;
    }
}
