using Consolidation.Bot.Conversations;
using Consolidation.Bot.Protocol.Auth;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Scheduling;

/// <summary>
/// The tenant a scheduled run works in, which no inbound activity names: the run's own (manual runs), else
/// <c>Bot:TenantId</c>, else the tenants that registered a council channel (in practice the one tenant of the city).
/// </summary>
public sealed class ScheduleTenants(ConversationReferenceStore references, IOptions<BotAuthenticationOptions> bot)
{
    public async Task<IReadOnlyList<string>> ResolveAsync(string? runTenant, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(runTenant))
        {
            return [runTenant];
        }

        if (!string.IsNullOrEmpty(bot.Value.TenantId))
        {
            return [bot.Value.TenantId];
        }

        return (await references.ListCouncilChannelsAsync(cancellationToken)).Select(c => c.TenantId).Distinct(StringComparer.Ordinal).ToList();
    }
}
