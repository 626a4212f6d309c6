using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Review;

/// <summary>
/// The secretariat's change of one stage's decision: the decision (its enum name for the stage, e.g. <c>Exclude</c>),
/// the decision's own reason (プレWG 除外 / WG 課題 / 適否 理由), for 引き続き検討予定 the revisit trigger and date, and the
/// reason for overriding, which the history keeps.
/// </summary>
public sealed record OverrideRequest(Stage Stage, string Decision, string? AnswerReason, RevisitTrigger? Trigger, DateOnly? RevisitDate, string? Reason)
{
    /// <summary>
    /// The stage's answer with the new decision: the previous answer of that stage (its other fields kept) with the decision
    /// and reasons replaced, or a new one; null when the decision is not one of the stage's.
    /// </summary>
    public StageAnswer? ToAnswer(StageAnswer? previous) => Stage switch
    {
        Stage.PreWg when Enum.TryParse<PreWgDecision>(Decision, out var d) && Enum.IsDefined(d) =>
            (previous as PreWgAnswer ?? new PreWgAnswer()) with { Decision = d, Reason = Blank(AnswerReason) },
        Stage.Wg when Enum.TryParse<WgDecision>(Decision, out var d) && Enum.IsDefined(d) =>
            (previous as WgAnswer ?? new WgAnswer()) with { Decision = d, Issues = Blank(AnswerReason) },
        Stage.Suitability when Enum.TryParse<SuitabilityDecision>(Decision, out var d) && Enum.IsDefined(d) =>
            (previous as SuitabilityAnswer ?? new SuitabilityAnswer()) with
            {
                Decision = d,
                Reason = Blank(AnswerReason),
                Trigger = d == SuitabilityDecision.ContinueLater ? Trigger : null,
                RevisitDate = d == SuitabilityDecision.ContinueLater && Trigger == RevisitTrigger.Date ? RevisitDate : null,
            },
        _ => null,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
