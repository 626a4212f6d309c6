namespace Consolidation.Bot.Protocol.Schema;

/// <summary>The one rule for an activity's tenant, used by the tenant gate, the turn, conversation references and log scopes.</summary>
public static class ActivityTenant
{
    /// <summary><c>conversation.tenantId</c>, else <c>channelData.tenant.id</c> (some events carry only the latter); null when neither is set.</summary>
    public static string? TenantIdOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var tenant = activity.Conversation?.TenantId;
        var fromChannelData = activity.ChannelData?.Tenant?.Id;
        return !string.IsNullOrWhiteSpace(tenant) ? tenant : string.IsNullOrWhiteSpace(fromChannelData) ? null : fromChannelData;
    }
}
