using Azure;
using Azure.Data.Tables;

namespace Consolidation.Bot.Conversations;

/// <summary>Table row of <see cref="ConversationReference"/>. PartitionKey = tenant id; RowKey = kind|id (see README).</summary>
public sealed class ConversationReferenceEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Kind { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string? BotId { get; set; }
    public string? BotName { get; set; }
    public string? UserId { get; set; }
    public string? AadObjectId { get; set; }
    public string? UserName { get; set; }
    public string? Locale { get; set; }
    public string? TeamId { get; set; }
    public string? TeamName { get; set; }
    public string? ChannelId { get; set; }
    public string? ChannelName { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static ConversationReferenceEntity From(ConversationReference r, string rowKey) => new()
    {
        PartitionKey = Storage.TableKeys.Escape(r.TenantId),
        RowKey = rowKey,
        Kind = r.Kind.ToString(),
        ConversationId = r.ConversationId,
        ServiceUrl = r.ServiceUrl,
        BotId = r.BotId,
        BotName = r.BotName,
        UserId = r.UserId,
        AadObjectId = r.AadObjectId,
        UserName = r.UserName,
        Locale = r.Locale,
        TeamId = r.TeamId,
        TeamName = r.TeamName,
        ChannelId = r.ChannelId,
        ChannelName = r.ChannelName,
        UpdatedAt = r.UpdatedAt,
    };

    public ConversationReference ToReference(string tenantId) => new()
    {
        TenantId = tenantId,
        Kind = Enum.Parse<ConversationKind>(Kind),
        ConversationId = ConversationId,
        ServiceUrl = ServiceUrl,
        BotId = BotId,
        BotName = BotName,
        UserId = UserId,
        AadObjectId = AadObjectId,
        UserName = UserName,
        Locale = Locale,
        TeamId = TeamId,
        TeamName = TeamName,
        ChannelId = ChannelId,
        ChannelName = ChannelName,
        UpdatedAt = UpdatedAt,
    };
}
