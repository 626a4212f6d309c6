using Azure;

namespace Consolidation.Bot.Review.Storage;

/// <summary>
/// ReviewData/({review}, cursor|{email}): the questionnaire card a member has in hand. One card at a time: the next
/// is sent only when this one's task is answered (or reopened, or its stage closed). <see cref="Status"/> is
/// <c>sending</c> while a send is claimed, <c>sent</c> once the connector accepted it.
/// </summary>
public sealed class MemberCursorEntity : ReviewEntity
{
    public const string Sending = "sending";
    public const string Sent = "sent";

    public string Email { get; set; } = "";
    public string TaskId { get; set; } = "";
    public int TaskVersion { get; set; }
    public string Status { get; set; } = Sending;
    public string? ActivityId { get; set; }
    public string? ConversationId { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The card's kind when not a task's questionnaire: <c>bureau</c> for a bureau view card; null otherwise.</summary>
    public string? Kind { get; set; }

    /// <summary>For a プレWG batch card, its rows (the card's task list, <c>id@version,…</c>); <see cref="TaskId"/> is the first.</summary>
    public string? Batch { get; set; }
}

/// <summary>ReviewData/({review}, unreachable|{email}): a member the bot could not reach, for the secretariat.</summary>
public sealed class UnreachableMemberEntity : ReviewEntity
{
    public string Email { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
