using Consolidation.Bot.Conversations;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Protocol.Auth;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Scheduling;

/// <summary>
/// The one tenant of the review that a scheduled run works in (no inbound activity names it): the run's own (manual
/// runs, from the secretariat's turn), else <c>Bot:TenantId</c>, else the only entry of <c>Bot:AllowedTenants</c>, else
/// the only tenant the bot has conversations in (development mode: the Playground's). Never several: with more than one
/// candidate nothing is sent and the ambiguity is logged, so a digest cannot reach another organisation.
/// </summary>
public sealed class ScheduleTenants(ConversationReferenceStore references, IOptions<BotAuthenticationOptions> bot, ILogger<ScheduleTenants> logger)
{
    public async Task<string?> ResolveAsync(string? runTenant, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(runTenant))
        {
            return runTenant;
        }

        var options = bot.Value;
        if (!string.IsNullOrWhiteSpace(options.TenantId))
        {
            return options.TenantId.Trim();
        }

        var allowed = options.AllowedTenants.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (allowed.Count == 1)
        {
            return allowed[0];
        }

        var known = await references.ListTenantsAsync(cancellationToken);
        if (known.Count == 1)
        {
            return known[0];
        }

        Log.ScheduleTenantUnknown(logger, known.Count);
        return null;
    }
}
