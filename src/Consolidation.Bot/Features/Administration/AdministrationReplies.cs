using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review;

namespace Consolidation.Bot.Features.Administration;

/// <summary>What the secretariat is told about a reassignment or a send-back, in chat and on the tab alike.</summary>
public static class AdministrationReplies
{
    /// <param name="taskId">The task id as asked.</param>
    /// <param name="asked">The assignee as asked (for "not found" and "which one").</param>
    public static string For(TaskAdministrationResult result, string taskId, string asked, string? reason, BotText text, AdministrationKind kind = AdministrationKind.Other)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(text);
        var ja = text.IsJapanese;
        var task = result.Task;
        return result.Outcome switch
        {
            TaskAdministrationOutcome.NotSecretariat when kind == AdministrationKind.Override => text[nameof(Strings.Override_NotSecretariat)],
            TaskAdministrationOutcome.NotSecretariat => text[nameof(Strings.Admin_NotSecretariat)],
            TaskAdministrationOutcome.TaskNotFound => text.Format(nameof(Strings.Admin_TaskNotFound), taskId),
            TaskAdministrationOutcome.MemberNotFound => text.Format(nameof(Strings.Admin_MemberNotFound), asked),
            TaskAdministrationOutcome.MemberAmbiguous => text.Format(nameof(Strings.Admin_MemberAmbiguous), asked,
                string.Join(ja ? "、" : ", ", result.Candidates!.Select(m => $"{m.Name} {m.Email}"))),
            TaskAdministrationOutcome.ReasonRequired when result.Stage is not null => text[nameof(Strings.Override_ReasonRequired)],
            TaskAdministrationOutcome.ReasonRequired => text[nameof(Strings.Reopen_Usage)],
            TaskAdministrationOutcome.Invalid => text.Format(nameof(Strings.Override_Invalid),
                string.Join(" ", (result.FieldErrors ?? new Dictionary<string, string>()).Values.Distinct().Select(key => text[key]))),
            TaskAdministrationOutcome.NotApplicable when kind == AdministrationKind.Override =>
                text.Format(nameof(Strings.Override_NotApplicable), task?.Id ?? taskId, (result.Stage ?? Stage.PreWg).Name(ja)),
            TaskAdministrationOutcome.NotApplicable when result.Assignee is null && result.Stage is null && task is not null =>
                text.Format(nameof(Strings.Reopen_NotApplicable), task.Id),
            TaskAdministrationOutcome.NotApplicable => text.Format(nameof(Strings.Reassign_NotApplicable), task?.Id ?? taskId, (result.Stage ?? task?.Stage ?? Stage.PreWg).Name(ja)),
            _ when result.Answer is { } answer => Join(text.Format(nameof(Strings.Override_Done), task!.Id, task.Definition.Name,
                result.Stage!.Value.Name(ja), Cards.Questionnaire.CardText.Decision(answer, text), reason), result, text),
            _ when result.Assignee is { } to => Join(text.Format(nameof(Strings.Reassign_Done), task!.Id, task.Definition.Name, result.Stage!.Value.Name(ja), to.Name), result, text),
            _ => Join(text.Format(nameof(Strings.Reopen_Done), task!.Id, task.Definition.Name, result.Stage!.Value.Name(ja), reason), result, text),
        };
    }

    private static string Join(string done, TaskAdministrationResult result, BotText text) =>
        result.CardQueued ? done + " " + text[nameof(Strings.Admin_CardQueued)] : done;
}
