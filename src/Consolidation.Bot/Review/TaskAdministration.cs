using Consolidation.Bot.Domain;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.Review;

/// <summary>
/// The secretariat's changes to one task, the same whether asked in chat or on the tab: reassign a stage, send a task
/// back to a stage. The rules are <see cref="ReviewRules"/>'s; the commit and the history entry (who, why) are
/// <see cref="DecisionService"/>'s. When the change leaves a card owed in an open stage, the card is queued at once (the
/// sweep would otherwise send it within minutes).
/// </summary>
public sealed class TaskAdministration(DecisionService decisions, ReviewRepository repository, NextCardRequests cards) : ITaskAdministration
{
    /// <summary>
    /// Hands a stage of the task to the member named at the start of <paramref name="assigneeAndReason"/> (an email or a
    /// name); the words after the name are the reason unless <paramref name="reason"/> is given. Without
    /// <paramref name="stage"/>: the stage the task is in (pre-WG for a task still in the inventory).
    /// </summary>
    public async Task<TaskAdministrationResult> ReassignAsync(string reviewId, Member actor, string taskId, string assigneeAndReason, Stage? stage, string? reason, string? tenantId, CancellationToken cancellationToken)
    {
        var (stored, refusal) = await OpenAsync(reviewId, actor, taskId, cancellationToken);
        if (stored is null)
        {
            return refusal!;
        }

        var (to, candidates, rest) = MemberLookup.FindLeading(await repository.GetMembersAsync(reviewId, cancellationToken), assigneeAndReason);
        if (to is null)
        {
            return candidates.Count > 1
                ? new(TaskAdministrationOutcome.MemberAmbiguous, stored.Task, Candidates: candidates)
                : new(TaskAdministrationOutcome.MemberNotFound, stored.Task);
        }

        var target = stage ?? (stored.Task.Stage == Stage.Inventory ? Stage.PreWg : stored.Task.Stage);
        var previous = stored.Task.AssigneeFor(target);
        var why = string.IsNullOrWhiteSpace(reason) ? rest : reason;
        var result = await decisions.ReassignAsync(reviewId, actor, stored.Task.Id, target, to, why, cancellationToken);
        if (result.Status != SubmissionStatus.Accepted)
        {
            return Refused(result, target);
        }

        var queued = await QueueCardsAsync(reviewId, result.Task!, target, [to.Email, previous], actor, tenantId, cancellationToken);
        return new(TaskAdministrationOutcome.Done, result.Task, target, to, CardQueued: queued);
    }

    /// <summary>
    /// Sends the task back to <paramref name="stage"/> (without it: the furthest stage it has an answer for), clearing that
    /// stage's and the later stages' answers (the history keeps them). A reason is required.
    /// </summary>
    public async Task<TaskAdministrationResult> ReopenAsync(string reviewId, Member actor, string taskId, Stage? stage, string? reason, string? tenantId, CancellationToken cancellationToken)
    {
        var (stored, refusal) = await OpenAsync(reviewId, actor, taskId, cancellationToken);
        if (stored is null)
        {
            return refusal!;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new(TaskAdministrationOutcome.ReasonRequired, stored.Task);
        }

        var target = stage ?? Stages.Screening.LastOrDefault(s => stored.Task.State.OutcomeOf(s) is not null);
        if (target == default || stored.Task.State.OutcomeOf(target) is null)
        {
            return new(TaskAdministrationOutcome.NotApplicable, stored.Task);
        }

        var result = await decisions.ReopenAsync(reviewId, actor, stored.Task.Id, target, reason, cancellationToken);
        if (result.Status != SubmissionStatus.Accepted)
        {
            return Refused(result, target);
        }

        var task = result.Task!;
        var queued = await QueueCardsAsync(reviewId, task, target, [task.AssigneeFor(target)], actor, tenantId, cancellationToken);
        return new(TaskAdministrationOutcome.Done, task, target, CardQueued: queued);
    }

    /// <summary>
    /// Sets a stage's decision over the assignee's head (a stage the task reached), with a reason the history keeps; the
    /// later stages' answers are cleared by the rules. When the task then waits in an open stage its assignee is sent the card.
    /// </summary>
    public async Task<TaskAdministrationResult> OverrideAsync(string reviewId, Member actor, string taskId, OverrideRequest request, string? tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (stored, refusal) = await OpenAsync(reviewId, actor, taskId, cancellationToken);
        if (stored is null)
        {
            return refusal!;
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return new(TaskAdministrationOutcome.ReasonRequired, stored.Task, request.Stage);
        }

        if (request.ToAnswer(stored.Task.State.OutcomeOf(request.Stage)?.Answer) is not { } answer)
        {
            return new(TaskAdministrationOutcome.NotApplicable, stored.Task, request.Stage);
        }

        var result = await decisions.OverrideAsync(reviewId, actor, stored.Task.Id, answer, request.Reason, cancellationToken);
        if (result.Status != SubmissionStatus.Accepted)
        {
            return result.Error == DecisionError.Invalid
                ? new(TaskAdministrationOutcome.Invalid, result.Task, request.Stage, FieldErrors: result.Decision!.FieldErrors)
                : Refused(result, request.Stage);
        }

        var task = result.Task!;
        var queued = Stages.Screening.Contains(task.Stage)
            && await QueueCardsAsync(reviewId, task, task.Stage, [task.AssigneeFor(task.Stage)], actor, tenantId, cancellationToken);
        return new(TaskAdministrationOutcome.Done, task, request.Stage, CardQueued: queued, Answer: answer);
    }

    /// <summary>The start of every action here: the actor is the secretariat and the task exists; the task, or the refusal.</summary>
    private async Task<(StoredTask? Task, TaskAdministrationResult? Refusal)> OpenAsync(string reviewId, Member actor, string taskId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsSecretariat)
        {
            return (null, new(TaskAdministrationOutcome.NotSecretariat));
        }

        return await FindTaskAsync(reviewId, taskId, cancellationToken) is { } stored
            ? (stored, null)
            : (null, new(TaskAdministrationOutcome.TaskNotFound));
    }

    /// <summary>The task by its id as typed; "j-0012" finds J-0012 (ids are upper case in the city's files).</summary>
    private async Task<StoredTask?> FindTaskAsync(string reviewId, string taskId, CancellationToken cancellationToken) =>
        await repository.GetTaskAsync(reviewId, taskId, cancellationToken)
        ?? (taskId.ToUpperInvariant() is var upper && upper != taskId ? await repository.GetTaskAsync(reviewId, upper, cancellationToken) : null);

    private static TaskAdministrationResult Refused(SubmissionResult result, Stage stage) => result.Status switch
    {
        SubmissionStatus.NotFound => new(TaskAdministrationOutcome.TaskNotFound),
        _ when result.Error == DecisionError.NotSecretariat => new(TaskAdministrationOutcome.NotSecretariat, result.Task),
        _ => new(TaskAdministrationOutcome.NotApplicable, result.Task, stage),
    };

    /// <summary>Next-card messages for these members when the task now waits in an open stage; false when none was queued.</summary>
    private async Task<bool> QueueCardsAsync(string reviewId, ReviewTask task, Stage stage, IEnumerable<string> emails, Member actor, string? tenantId, CancellationToken cancellationToken)
    {
        if (task.Stage != stage || await repository.GetWindowAsync(reviewId, stage, task.Subcommittee, cancellationToken) is not { IsOpen: true })
        {
            return false;
        }

        return await cards.QueueAsync(reviewId, emails, actor, tenantId, cancellationToken);
    }
}
