using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Cards.Questionnaire;

/// <summary>
/// The verb, data keys and input ids of the questionnaire cards, shared by <see cref="QuestionnaireCard"/> (which
/// writes them) and <see cref="AnswerParser"/> and the handlers (which read them). Input values arrive in the
/// action's data keyed by these ids, next to the data keys, so no input id may equal a data key.
/// </summary>
public static class QuestionnaireFields
{
    public const string SubmitVerb = CardVerbs.SubmitAnswer;
    public const string RefreshVerb = CardVerbs.RefreshTask;
    public const string ShowTaskVerb = CardVerbs.ShowTask;

    // Data keys carried by the actions themselves.
    public const string TaskId = "taskId";

    /// <summary>The <see cref="TaskState.Version"/> the card was built from (a stale card is refused).</summary>
    public const string Version = "version";

    /// <summary>The stage the card asks about, as the <see cref="Stage"/> name.</summary>
    public const string Stage = "stage";

    /// <summary>The review the card was built for: a card of an earlier review is refused (task ids repeat across reviews).</summary>
    public const string ReviewId = "reviewId";

    // Inputs shared by the stages (only one stage is on a card).
    public const string Decision = "decision";
    public const string Reason = "reason";

    // プレWG.
    public const string Routine = "routine";
    public const string HighLevelNegotiation = "highLevelNegotiation";
    public const string PaperOrVisit = "paperOrVisit";
    public const string BusinessesServed = "businessesServed";
    public const string LessEfficientAtWard = "lessEfficientAtWard";
    public const string MigrationEffect = "migrationEffect";
    public const string AnnualCases = "annualCases";
    public const string StaffHours = "staffHours";

    // WG.
    public const string Issues = "issues";
    public const string Destination = "destination";
    public const string DestinationNote = "destinationNote";
    public const string Partial = "partial";
    public const string AlreadyConsolidated = "alreadyConsolidated";

    // 適否.
    public const string Trigger = "trigger";
    public const string RevisitDate = "revisitDate";
    public const string StaffingBudget = "staffingBudget";

    /// <summary>Boolean inputs send these values (yes/no choice sets and toggles alike).</summary>
    public const string True = "true";
    public const string False = "false";

    /// <summary>The input ids of a stage's card, in the order they appear.</summary>
    public static IReadOnlyList<string> InputsOf(Domain.Stage stage) => stage switch
    {
        Domain.Stage.PreWg =>
        [
            Routine, HighLevelNegotiation, PaperOrVisit, LessEfficientAtWard, BusinessesServed, MigrationEffect, AnnualCases, StaffHours,
            Decision, Reason,
        ],
        Domain.Stage.Wg => [Decision, Destination, DestinationNote, Partial, AlreadyConsolidated, Issues],
        Domain.Stage.Suitability => [Decision, Trigger, RevisitDate, Reason, StaffingBudget],
        _ => [],
    };

    /// <summary>
    /// The input id for a field name in <see cref="StageAnswer.Validate"/>'s errors (the answer records' property
    /// names): <c>Reason</c> → <see cref="Reason"/>, <c>AnnualCases</c> → <see cref="AnnualCases"/>, ...;
    /// an unknown field falls back to its camelCase name.
    /// </summary>
    public static string ForAnswerField(string field) => field switch
    {
        nameof(PreWgAnswer.Routine) => Routine,
        nameof(PreWgAnswer.HighLevelNegotiation) => HighLevelNegotiation,
        nameof(PreWgAnswer.PaperOrVisit) => PaperOrVisit,
        nameof(PreWgAnswer.BusinessesServed) => BusinessesServed,
        nameof(PreWgAnswer.LessEfficientAtWard) => LessEfficientAtWard,
        nameof(PreWgAnswer.MigrationEffect) => MigrationEffect,
        nameof(PreWgAnswer.AnnualCases) => AnnualCases,
        nameof(PreWgAnswer.StaffHours) => StaffHours,
        nameof(PreWgAnswer.Decision) => Decision,
        nameof(PreWgAnswer.Reason) => Reason,
        nameof(WgAnswer.Issues) => Issues,
        nameof(WgAnswer.Destination) => Destination,
        nameof(WgAnswer.DestinationNote) => DestinationNote,
        nameof(WgAnswer.Partial) => Partial,
        nameof(WgAnswer.AlreadyConsolidated) => AlreadyConsolidated,
        nameof(SuitabilityAnswer.Trigger) => Trigger,
        nameof(SuitabilityAnswer.RevisitDate) => RevisitDate,
        nameof(SuitabilityAnswer.StaffingBudget) => StaffingBudget,
        _ => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field),
    };
}
