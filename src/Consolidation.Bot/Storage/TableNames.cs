namespace Consolidation.Bot.Storage;

/// <summary>Logical table names (the configured prefix is added in front). The key design is in the README.</summary>
public static class TableNames
{
    /// <summary>Conversation references for proactive messages: users' 1:1 chats, teams, channels, the council channel.</summary>
    public const string ConversationReferences = "ConversationRefs";
}
