using Consolidation.Bot.Protocol.Auth;
using Consolidation.Bot.Protocol.Schema;

namespace Consolidation.Bot.Protocol.Inbound;

/// <summary>
/// Which tenants may talk to the bot: <see cref="BotAuthenticationOptions.AllowedTenants"/> when non-empty, else the
/// configured <see cref="BotAuthenticationOptions.TenantId"/>, else any tenant in development mode and none outside it
/// (fail closed: a production bot that names no tenant serves nobody). Applies in development mode too.
/// </summary>
internal static class TenantGate
{

    public static bool IsAllowed(string? tenantId, BotAuthenticationOptions options, bool developmentMode)
    {
        ArgumentNullException.ThrowIfNull(options);
        IEnumerable<string> allowed = options.AllowedTenants.Count > 0 ? options.AllowedTenants
            : string.IsNullOrWhiteSpace(options.TenantId) ? []
            : [options.TenantId];
        var list = allowed.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        return (list.Count == 0 && developmentMode)
            || (!string.IsNullOrWhiteSpace(tenantId) && list.Contains(tenantId.Trim(), StringComparer.OrdinalIgnoreCase));
    }
}
