namespace Consolidation.Bot.Storage;

/// <summary>Logical table names (the configured prefix is added in front). The key design is in docs/design.md ("Storage: tables and keys").</summary>
public static class TableNames
{
    /// <summary>Conversation references for proactive messages: users' 1:1 chats, teams, channels, the council channel.</summary>
    public const string ConversationReferences = "ConversationRefs";

    /// <summary>Reviews and the active-review pointer.</summary>
    public const string Reviews = "Reviews";

    /// <summary>Task definitions and members per import generation; task states, history and stage windows per review.</summary>
    public const string ReviewData = "ReviewData";

    /// <summary>Scheduled runs: the last completed slot per schedule, claimed runs, per-recipient sent markers.</summary>
    public const string Schedules = "Schedules";

    /// <summary>Each tenant's Teams send budget shared by the instances: the grants of the last 30 seconds (SendBudget/TableSendBudget).</summary>
    public const string SendBudget = "SendBudget";
}
