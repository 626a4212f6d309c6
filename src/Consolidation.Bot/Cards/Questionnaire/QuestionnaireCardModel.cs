using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Cards.Questionnaire;

/// <summary>
/// Everything a stage's questionnaire card shows, loaded by the handler: the task, where it is in the member's
/// list, the version of its state, and, when the card is sent back after a failed answer, what was typed and
/// what was wrong with it.
/// </summary>
public sealed record QuestionnaireCardModel
{
    public required string TaskId { get; init; }
    public required string TaskName { get; init; }
    public required string Bureau { get; init; }
    public required Subcommittee Subcommittee { get; init; }

    /// <summary><see cref="Stage.PreWg"/>, <see cref="Stage.Wg"/> or <see cref="Stage.Suitability"/>.</summary>
    public required Stage Stage { get; init; }

    /// <summary>The stage's deadline (a UTC instant), shown in <see cref="TimeZone"/>.</summary>
    public required DateTimeOffset Deadline { get; init; }

    /// <summary>The review's time zone (Asia/Tokyo).</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>1-based position of this task among the member's tasks of the stage (<c>3件目／全40件</c>).</summary>
    public required int Position { get; init; }

    public required int Total { get; init; }

    /// <summary>The review the card belongs to; its actions carry it back (null only in card tests).</summary>
    public string? ReviewId { get; init; }

    /// <summary>The <see cref="TaskState.Version"/> the card is built from; the answer carries it back.</summary>
    public required int CardVersion { get; init; }

    /// <summary>The assignee's Teams user id (29:…) for <c>refresh.userIds</c>; null → no automatic refresh.</summary>
    public string? AssigneeUserId { get; init; }

    public PrecedingTheme? Theme { get; init; }

    /// <summary>The task's round (再検討: 2 and on); 1 shows nothing.</summary>
    public int Round { get; init; } = 1;

    /// <summary>How the round before ended (<see cref="CardText.EarlierRound"/>); null in round 1.</summary>
    public string? EarlierRound { get; init; }

    public string? StandardBusiness { get; init; }

    /// <summary>Prefill of the annual cases from the task definition (when no value was typed).</summary>
    public int? AnnualCases { get; init; }

    /// <summary>Prefill of the staff hours from the task definition (when no value was typed).</summary>
    public decimal? StaffHours { get; init; }

    /// <summary>Values typed on a previous submit, keyed by input id (<see cref="ParsedAnswer.Values"/>); empty on first send.</summary>
    public IReadOnlyDictionary<string, string?> Values { get; init; } = new Dictionary<string, string?>();

    /// <summary>Errors keyed by input id, each a resource key (<see cref="ParsedAnswer.Errors"/>).</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    public required BotText Text { get; init; }

    public TaskSummary Task => new(TaskId, TaskName, Bureau, Subcommittee);

    /// <summary>The model for a task's definition; position, deadline, version and text come from the handler.</summary>
    public static QuestionnaireCardModel For(
        TaskDefinition definition, Stage stage, DateTimeOffset deadline, TimeZoneInfo timeZone,
        int position, int total, int cardVersion, string? assigneeUserId, BotText text) => new()
        {
            TaskId = definition.Id,
            TaskName = definition.Name,
            Bureau = definition.Bureau,
            Subcommittee = definition.Subcommittee,
            Stage = stage,
            Deadline = deadline,
            TimeZone = timeZone,
            Position = position,
            Total = total,
            CardVersion = cardVersion,
            AssigneeUserId = assigneeUserId,
            Theme = definition.Theme,
            StandardBusiness = definition.StandardBusiness,
            AnnualCases = definition.AnnualCases,
            StaffHours = definition.StaffHours,
            Text = text,
        };
}
