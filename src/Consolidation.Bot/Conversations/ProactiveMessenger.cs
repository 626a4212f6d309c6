using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Graph;
using Consolidation.Bot.Protocol.Connector;
using Consolidation.Bot.Protocol.Schema;

namespace Consolidation.Bot.Conversations;

/// <summary>
/// Sends messages nobody asked for: to a user's 1:1 chat (the stored reference, or one created through the
/// connector from a team roster the bot is in) and to the council channel.
/// A user the bot cannot reach surfaces as <see cref="ConnectorException"/> with <c>IsUnreachable</c>.
/// </summary>
public sealed class ProactiveMessenger(
    IConnectorClient connector,
    ConversationReferenceStore store,
    DirectoryGraphAccess directory,
    TimeProvider time,
    ILogger<ProactiveMessenger> logger) : IProactiveMessenger
{
    private const int RosterPageSize = 200;

    /// <summary>Sends to the user's 1:1 chat, creating the conversation first when none is stored.</summary>
    public Task<ResourceResponse> SendToUserAsync(string tenantId, string aadObjectId, Activity activity, CancellationToken cancellationToken) =>
        SendToMemberAsync(tenantId, aadObjectId, null, activity, cancellationToken);

    /// <summary>
    /// Sends to a review member's 1:1 chat: the stored reference by Entra object id, else the team roster matched by
    /// object id or email/UPN (members imported without an object id are found this way).
    /// </summary>
    public async Task<(ResourceResponse Response, ConversationReference Reference)> SendToMemberWithReferenceAsync(
        string tenantId, string? aadObjectId, string? email, Activity activity, CancellationToken cancellationToken)
    {
        var reference = await FindMemberReferenceAsync(tenantId, aadObjectId, email, cancellationToken);
        return (await SendAsync(reference, activity, cancellationToken), reference);
    }

    /// <summary>The member's 1:1 conversation reference: stored, or created from a team roster.</summary>
    public async Task<ConversationReference> FindMemberReferenceAsync(string tenantId, string? aadObjectId, string? email, CancellationToken cancellationToken) =>
        (aadObjectId is null ? null : await store.GetUserAsync(tenantId, aadObjectId, cancellationToken))
        ?? await CreateUserConversationAsync(tenantId, aadObjectId, email, cancellationToken);

    public async Task<ResourceResponse> SendToMemberAsync(string tenantId, string? aadObjectId, string? email, Activity activity, CancellationToken cancellationToken) =>
        (await SendToMemberWithReferenceAsync(tenantId, aadObjectId, email, activity, cancellationToken)).Response;

    /// <summary>Posts to the tenant's council channel; null when no channel has been registered.</summary>
    public async Task<ResourceResponse?> SendToCouncilAsync(string tenantId, Activity activity, CancellationToken cancellationToken)
    {
        var council = await store.GetCouncilChannelAsync(tenantId, cancellationToken);
        return council is null ? null : await SendAsync(council, activity, cancellationToken);
    }

    public Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken)
    {
        activity.Type ??= ActivityTypes.Message;
        activity.Conversation ??= new ConversationAccount { Id = reference.ConversationId, TenantId = reference.TenantId };
        activity.From ??= reference.BotId is null ? null : new ChannelAccount { Id = reference.BotId, Name = reference.BotName };
        activity.Locale ??= reference.Locale;
        var address = new ConversationAddress(reference.ServiceUrl, reference.ConversationId, reference.TenantId);
        return connector.SendAsync(address, activity, cancellationToken);
    }

    /// <summary>
    /// Finds the user in the roster of a team the bot is installed in and creates the 1:1 conversation
    /// (<c>POST /v3/conversations</c> with the user's 29: id and the tenant), then stores the reference.
    /// </summary>
    public async Task<ConversationReference> CreateUserConversationAsync(string tenantId, string? aadObjectId, string? email, CancellationToken cancellationToken)
    {
        var teams = await store.ListAsync(tenantId, ConversationKind.Team, cancellationToken);
        if (directory.Graph is { } graph)
        {
            return await InstallForUserAsync(graph, teams, tenantId, aadObjectId, email, cancellationToken);
        }

        foreach (var team in teams)
        {
            var member = await FindMemberAsync(team, aadObjectId, email, cancellationToken);
            if (member?.Id is null)
            {
                continue;
            }

            var created = await connector.CreateConversationAsync(team.ServiceUrl, new ConversationParameters
            {
                IsGroup = false,
                Bot = team.BotId is null ? null : new ChannelAccount { Id = team.BotId, Name = team.BotName },
                Members = [new ChannelAccount { Id = member.Id }],
                TenantId = tenantId,
                ChannelData = new TeamsChannelData { Tenant = new TeamsIdentifier { Id = tenantId } },
            }, cancellationToken);
            Log.ConversationCreated(logger, member.Id, created.Id);

            var reference = new ConversationReference
            {
                TenantId = tenantId,
                Kind = ConversationKind.User,
                ConversationId = created.Id ?? throw new ConnectorException("The connector created a conversation without an id."),
                ServiceUrl = created.ServiceUrl ?? team.ServiceUrl,
                BotId = team.BotId,
                BotName = team.BotName,
                UserId = member.Id,
                AadObjectId = member.EntraObjectId ?? aadObjectId,
                UserName = member.Name,
                UpdatedAt = time.GetUtcNow(),
            };
            await store.UpsertIfChangedAsync(reference, cancellationToken);
            return reference;
        }

        throw new ConnectorException(System.Net.HttpStatusCode.NotFound, "MemberNotFound",
            $"User {aadObjectId ?? email} has no 1:1 chat with the bot and is not in the roster of any team the bot is installed in.");
    }

    /// <summary>
    /// With Microsoft Graph: the user's object id (looked up by UPN or email when the member list has none), the app
    /// installed in their personal scope (already installed is fine), and the 1:1 chat id Graph gives, which is the
    /// Bot Connector conversation id. Reaches members who never opened a chat with the bot and share no team with it.
    /// </summary>
    private async Task<ConversationReference> InstallForUserAsync(IDirectoryGraph graph, IReadOnlyList<ConversationReference> teams, string tenantId, string? aadObjectId, string? email, CancellationToken cancellationToken)
    {
        var userId = aadObjectId ?? (email is null ? null : (await graph.FindUserAsync(email, cancellationToken))?.Id)
            ?? throw new ConnectorException(System.Net.HttpStatusCode.NotFound, "MemberNotFound", $"{email} is not in the directory.");
        var chatId = await graph.InstallAppAndGetChatAsync(userId, cancellationToken);
        Log.AppInstalledForUser(logger, userId, chatId);
        var known = teams.Count > 0 ? teams[0] : null;
        var reference = new ConversationReference
        {
            TenantId = tenantId,
            Kind = ConversationKind.User,
            ConversationId = chatId,
            ServiceUrl = known?.ServiceUrl ?? directory.Options.ServiceUrl,
            BotId = known?.BotId,
            BotName = known?.BotName,
            AadObjectId = userId,
            UpdatedAt = time.GetUtcNow(),
        };
        await store.UpsertIfChangedAsync(reference, cancellationToken);
        return reference;
    }

    private static bool Matches(TeamsChannelAccount m, string? aadObjectId, string? email) =>
        (aadObjectId is not null && (string.Equals(m.EntraObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase) || string.Equals(m.Id, aadObjectId, StringComparison.Ordinal)))
        || (email is not null && (string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase) || string.Equals(m.UserPrincipalName, email, StringComparison.OrdinalIgnoreCase)));

    private async Task<TeamsChannelAccount?> FindMemberAsync(ConversationReference team, string? aadObjectId, string? email, CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var page = await connector.GetPagedMembersAsync(team.ServiceUrl, team.TeamId ?? team.ConversationId, RosterPageSize, continuation, cancellationToken);
            var member = page.Members?.FirstOrDefault(m => Matches(m, aadObjectId, email));
            if (member is not null)
            {
                return member;
            }

            continuation = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuation));

        return null;
    }
}
