using Consolidation.Bot.Conversations;

namespace Consolidation.Bot.Tab;

/// <summary>The council channel now, and the channels the bot is in (the secretariat may register one of them).</summary>
public sealed record CouncilChannels(ConversationReference? Current, IReadOnlyList<ConversationReference> Known)
{
    public static CouncilChannels None { get; } = new(null, []);

    public static string Label(ConversationReference channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return $"{channel.TeamName ?? "?"} / {channel.ChannelName ?? channel.ConversationId}";
    }
}
