using Consolidation.Bot.Conversations;
using Consolidation.Bot.Features.Council;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Scheduling;

namespace Consolidation.Bot.Tab;

/// <summary>
/// The council channel on the tab: which channels the bot is in (for the dashboard), and <c>POST /tab/api/council</c>,
/// which registers one of them through <see cref="CouncilRegistration"/> (the chat command's service).
/// </summary>
internal static class TabCouncilEndpoint
{
    /// <summary>The current council channel and the known channels of the session's tenant; none when no tenant is known.</summary>
    public static async Task<CouncilChannels> ChannelsAsync(TabSession session, ConversationReferenceStore store, ScheduleTenants tenants, CancellationToken cancellationToken)
    {
        if (!session.Scope.CanAct || await tenants.ResolveAsync(session.TenantId, cancellationToken) is not { } tenant)
        {
            return CouncilChannels.None;
        }

        return new CouncilChannels(
            await store.GetCouncilChannelAsync(tenant, cancellationToken),
            [.. (await store.ListAsync(tenant, ConversationKind.Channel, cancellationToken)).OrderBy(CouncilChannels.Label, StringComparer.Ordinal)]);
    }

    public static Task<IResult> RegisterAsync(HttpContext http, TabSignIn signIn, ConversationReferenceStore store, ScheduleTenants tenants, ICouncilRegistration registration, ILogger<TabSignIn> logger, CancellationToken cancellationToken) =>
        TabEndpoints.ActAsync(http, signIn, logger, "council", nameof(Strings.Council_NotSecretariat), async (session, form, text) =>
        {
            var tenant = await tenants.ResolveAsync(session.TenantId, cancellationToken);
            var channel = tenant is null ? null : await store.GetChannelAsync(tenant, form["channel"].ToString(), cancellationToken);
            if (channel is not { Kind: ConversationKind.Channel })
            {
                return TabEndpoints.Refused(text[nameof(Strings.Tab_CouncilUnknownChannel)]);
            }

            await registration.RegisterAsync(session.Snapshot.ReviewId, session.Snapshot.Members, session.Scope.Member, channel, text, cancellationToken);
            return TabEndpoints.Done(text.Format(nameof(Strings.Tab_CouncilRegistered), CouncilChannels.Label(channel)));
        }, cancellationToken);
}
