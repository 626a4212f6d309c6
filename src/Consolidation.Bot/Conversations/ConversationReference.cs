namespace Consolidation.Bot.Conversations;

/// <summary>What kind of conversation a reference points at.</summary>
public enum ConversationKind
{
    /// <summary>A user's 1:1 chat with the bot.</summary>
    User,

    /// <summary>A team the bot is installed in (its General channel id equals the team id).</summary>
    Team,

    /// <summary>A team channel.</summary>
    Channel,
}

/// <summary>
/// Everything needed to message a conversation later without an inbound activity (PROTOCOL.md §6):
/// serviceUrl, conversation id, tenant, the user's ids, the bot's id, the team and channel.
/// </summary>
public sealed record ConversationReference
{
    public required string TenantId { get; init; }
    public required ConversationKind Kind { get; init; }
    public required string ConversationId { get; init; }
    public required string ServiceUrl { get; init; }
    public string? BotId { get; init; }
    public string? BotName { get; init; }

    /// <summary>The user's per-bot <c>29:</c> id (user references).</summary>
    public string? UserId { get; init; }

    /// <summary>The user's Entra object id (user references): the stable key across bots and the member list.</summary>
    public string? AadObjectId { get; init; }

    public string? UserName { get; init; }
    public string? Locale { get; init; }
    public string? TeamId { get; init; }
    public string? TeamName { get; init; }
    public string? ChannelId { get; init; }
    public string? ChannelName { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
