using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Status.Understanding;

namespace Consolidation.Bot.Features.Status;

/// <summary>What a status question may be answered with for this sender.</summary>
public enum StatusAccess
{
    Allowed,

    /// <summary>A member asking about more than their own tasks and the overall funnel.</summary>
    SecretariatOnly,

    /// <summary>Someone not among the review's members.</summary>
    NotMember,
}

/// <summary>
/// Who may ask what (roles come from the imported members, matched on the sender's Entra object id): the secretariat
/// and the overall summing-up (全体総括) anything; a subcommittee lead also their own subcommittee's progress,
/// non-responders and overdue tasks; any other member their own tasks (by "my tasks", or a task of theirs by id or
/// name) and the overall funnel; anyone else only "help".
/// </summary>
public static class StatusAccessPolicy
{
    public static StatusAccess Check(StatusIntent intent, Member? sender, IEnumerable<ReviewTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (intent.Kind == StatusIntentKind.Help)
        {
            return StatusAccess.Allowed;
        }

        if (sender is null)
        {
            return StatusAccess.NotMember;
        }

        if (sender.IsSecretariat || sender.HasRole(MemberRole.Overview))
        {
            return StatusAccess.Allowed;
        }

        if (intent.Member is { } person)
        {
            // Someone's own tasks are theirs and the secretariat's (above) to see: asking about another person is refused.
            return Review.MemberLookup.Find([sender], person).Count == 1 ? StatusAccess.Allowed : StatusAccess.SecretariatOnly;
        }

        if (IsLeadOfAskedSubcommittee(intent, sender))
        {
            return StatusAccess.Allowed;
        }

        return intent.Kind switch
        {
            StatusIntentKind.Overall when intent.Deadlines is null && intent.Compare is null && !intent.SinceLastDigest => StatusAccess.Allowed,
            StatusIntentKind.Outcome when intent.Subcommittee is null && !intent.List && intent.Compare is null => StatusAccess.Allowed, // a figure of the overall funnel
            StatusIntentKind.MyTasks => StatusAccess.Allowed,
            StatusIntentKind.Task when intent.NameFragment is not null => StatusAccess.Allowed, // searched among their own tasks only
            StatusIntentKind.Task when tasks.FirstOrDefault(t => string.Equals(t.Id, intent.TaskId, StringComparison.OrdinalIgnoreCase)) is { } task
                && IsAssignee(task, sender) => StatusAccess.Allowed,
            _ => StatusAccess.SecretariatOnly,
        };
    }

    /// <summary>
    /// Whether the answer is for the asker's eyes only (names of non-responders, histories, one's own tasks): everything
    /// but help and the overall funnel. Asked in a channel or group chat, such an answer goes to the asker's 1:1 chat.
    /// </summary>
    public static bool IsForAskerOnly(StatusIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return intent.Kind switch
        {
            StatusIntentKind.Help => false,
            _ when intent.Member is not null => true,
            StatusIntentKind.Overall => intent.Deadlines is not null || intent.Compare is not null || intent.SinceLastDigest,
            StatusIntentKind.Outcome => intent.Subcommittee is not null || intent.List || intent.Compare is not null,
            _ => true,
        };
    }

    /// <summary>A lead asking about the subcommittee they lead (named in the question), not about the whole review.</summary>
    private static bool IsLeadOfAskedSubcommittee(StatusIntent intent, Member sender) =>
        sender.HasRole(MemberRole.Lead)
        && intent.Subcommittee is { } asked && sender.Subcommittees.Contains(asked)
        && intent.Kind is StatusIntentKind.Subcommittee or StatusIntentKind.NotAnswered or StatusIntentKind.Overdue or StatusIntentKind.Outcome;

    /// <summary>Whether the member is (or was) assigned the task in some stage.</summary>
    public static bool IsAssignee(ReviewTask task, Member member) =>
        Stages.Screening.Append(Stage.Inventory).Any(s => task.IsAssignee(s, member.Email));
}
