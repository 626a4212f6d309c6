using Azure;
using Azure.Data.Tables;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.Conversations;

/// <summary>
/// Conversation references in Azure Tables. One partition per tenant; RowKeys <c>user|{aadObjectId}</c>,
/// <c>team|{teamId}</c>, <c>channel|{channelId}</c> and <c>council</c> (the channel registered as the council's).
/// </summary>
public sealed class ConversationReferenceStore(TableClientProvider tables) : IConversationReferences
{
    public const string CouncilRowKey = "council";

    /// <summary>How long this instance trusts its memory of what it stored, before reading the row again.</summary>
    public static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(10);

    private const int RememberAtMost = 20_000;

    /// <summary>
    /// What this instance last read or wrote per row (instance state of a singleton): every inbound activity records
    /// its references, and without this each turn would read the row only to find it unchanged.
    /// </summary>
    private readonly BoundedCache<(string TenantId, string RowKey), ConversationReference> _recent = new(RememberAtMost);

    public static string RowKeyFor(ConversationReference reference) => reference.Kind switch
    {
        ConversationKind.User => UserRowKey(reference.AadObjectId ?? reference.UserId ?? reference.ConversationId),
        ConversationKind.Team => "team|" + TableKeys.Escape(reference.TeamId ?? reference.ConversationId),
        _ => ChannelRowKey(reference.ChannelId ?? reference.ConversationId),
    };

    public static string UserRowKey(string aadObjectIdOrUserId) => "user|" + TableKeys.Escape(aadObjectIdOrUserId);

    public static string ChannelRowKey(string channelId) => "channel|" + TableKeys.Escape(channelId);

    /// <summary>Writes the reference unless the stored one already says the same; returns true if it wrote.</summary>
    public async Task<bool> UpsertIfChangedAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        var rowKey = RowKeyFor(reference);
        var key = (reference.TenantId, rowKey);
        if (_recent.TryGet(key, out var remembered) && reference.UpdatedAt - remembered.UpdatedAt < RememberFor
            && Merged(reference, remembered) == remembered with { UpdatedAt = reference.UpdatedAt })
        {
            return false;
        }

        var existing = await GetAsync(reference.TenantId, rowKey, cancellationToken);
        if (existing is not null)
        {
            reference = Merged(reference, existing);
            if (existing with { UpdatedAt = reference.UpdatedAt } == reference)
            {
                Remember(key, reference);
                return false;
            }
        }

        var table = await tables.GetAsync(TableNames.ConversationReferences, cancellationToken);
        await table.UpsertEntityAsync(ConversationReferenceEntity.From(reference, rowKey), TableUpdateMode.Replace, cancellationToken);
        Remember(key, reference);
        return true;
    }

    /// <summary>
    /// Remembers the stored users' references as known at <paramref name="now"/> (at start-up: the first turn of each
    /// member then needs no read to find its reference unchanged). At most as many as this instance remembers at all.
    /// </summary>
    public async Task<int> WarmAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ConversationReferences, cancellationToken);
        var count = 0;
        await foreach (var entity in table.QueryAsync<ConversationReferenceEntity>(
            TableClient.CreateQueryFilter($"RowKey ge {"user|"} and RowKey lt {"user}"}"), maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            if (count++ >= RememberAtMost / 2)
            {
                break;
            }

            // Tenant ids are GUIDs, which the key escaping leaves as they are (see ListTenantsAsync).
            var reference = entity.ToReference(entity.PartitionKey);
            _recent.TryAdd((reference.TenantId, entity.RowKey), reference with { UpdatedAt = now });
        }

        return count;
    }

    /// <summary>Messages carry fewer details than install events (no team name, sometimes no locale): keep what we knew.</summary>
    private static ConversationReference Merged(ConversationReference reference, ConversationReference known) => reference with
    {
        TeamName = reference.TeamName ?? known.TeamName,
        ChannelName = reference.ChannelName ?? known.ChannelName,
        UserName = reference.UserName ?? known.UserName,
        AadObjectId = reference.AadObjectId ?? known.AadObjectId,
        Locale = reference.Locale ?? known.Locale,
        BotName = reference.BotName ?? known.BotName,
    };

    private void Remember((string, string) key, ConversationReference reference) => _recent.Set(key, reference);

    public Task<ConversationReference?> GetUserAsync(string tenantId, string aadObjectIdOrUserId, CancellationToken cancellationToken) =>
        GetAsync(tenantId, UserRowKey(aadObjectIdOrUserId), cancellationToken);

    public Task<ConversationReference?> GetChannelAsync(string tenantId, string channelId, CancellationToken cancellationToken) =>
        GetAsync(tenantId, ChannelRowKey(channelId), cancellationToken);

    public Task<ConversationReference?> GetCouncilChannelAsync(string tenantId, CancellationToken cancellationToken) =>
        GetAsync(tenantId, CouncilRowKey, cancellationToken);

    /// <summary>Makes <paramref name="channel"/> the tenant's council channel (replacing any earlier one).</summary>
    public async Task SetCouncilChannelAsync(ConversationReference channel, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ConversationReferences, cancellationToken);
        await table.UpsertEntityAsync(ConversationReferenceEntity.From(channel, CouncilRowKey), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Forgets a user's 1:1 chat (the app was uninstalled: the next send must create the conversation again).</summary>
    public async Task DeleteUserAsync(string tenantId, string aadObjectIdOrUserId, CancellationToken cancellationToken)
    {
        _recent.Remove((tenantId, UserRowKey(aadObjectIdOrUserId)));
        var table = await tables.GetAsync(TableNames.ConversationReferences, cancellationToken);
        await table.DeleteEntityAsync(TableKeys.Escape(tenantId), UserRowKey(aadObjectIdOrUserId), ETag.All, cancellationToken);
    }

    /// <summary>
    /// The tenants the bot has any conversation in (partition keys only; tenant ids are GUIDs, left as they are by the
    /// key escaping). For scheduled work when no tenant is configured: in practice the one tenant of the city.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListTenantsAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ConversationReferences, cancellationToken);
        var tenants = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var entity in table.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            tenants.Add(entity.PartitionKey);
        }

        return [.. tenants.Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>All references of one kind in a tenant (teams for roster look-ups, users for reach reports).</summary>
    public async Task<IReadOnlyList<ConversationReference>> ListAsync(string tenantId, ConversationKind kind, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ConversationReferences, cancellationToken);
        var prefix = kind switch { ConversationKind.User => "user|", ConversationKind.Team => "team|", _ => "channel|" };
        var partition = TableKeys.Escape(tenantId);
        var rows = await PrefixQuery.ListAsync<ConversationReferenceEntity>(table, partition, prefix, cancellationToken);
        return rows.Select(entity => entity.ToReference(tenantId)).ToList();
    }

    private async Task<ConversationReference?> GetAsync(string tenantId, string rowKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ConversationReferences, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<ConversationReferenceEntity>(TableKeys.Escape(tenantId), rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToReference(tenantId) : null;
    }
}
