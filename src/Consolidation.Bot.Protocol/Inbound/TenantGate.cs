using Consolidation.Bot.Protocol.Auth;
using Consolidation.Bot.Protocol.Schema;

namespace Consolidation.Bot.Protocol.Inbound;

/// <summary>
/// Which tenants may talk to the bot: <see cref="BotAuthenticationOptions.AllowedTenants"/> when non-empty, else the
/// configured <see cref="BotAuthenticationOptions.TenantId"/>, else any. Applies in development mode too.
/// </summary>
internal static class TenantGate
{
    /// <summary>The activity's tenant: <c>conversation.tenantId</c>, else <c>channelData.tenant.id</c>.</summary>
    public static string? TenantOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var tenant = activity.Conversation?.TenantId;
        return string.IsNullOrWhiteSpace(tenant) ? activity.ChannelData?.Tenant?.Id : tenant;
    }

    public static bool IsAllowed(string? tenantId, BotAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IEnumerable<string> allowed = options.AllowedTenants.Count > 0 ? options.AllowedTenants
            : string.IsNullOrWhiteSpace(options.TenantId) ? []
            : [options.TenantId];
        var list = allowed.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        return list.Count == 0
            || (!string.IsNullOrWhiteSpace(tenantId) && list.Contains(tenantId.Trim(), StringComparer.OrdinalIgnoreCase));
    }
}
