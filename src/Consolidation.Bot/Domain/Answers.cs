using System.Text.Json.Serialization;

namespace Consolidation.Bot.Domain;

/// <summary>An answer to one stage's questionnaire. Stored as JSON in the history and the task state.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "stage")]
[JsonDerivedType(typeof(PreWgAnswer), "PreWg")]
[JsonDerivedType(typeof(WgAnswer), "Wg")]
[JsonDerivedType(typeof(SuitabilityAnswer), "Suitability")]
[JsonDerivedType(typeof(BureauViewAnswer), "BureauView")]
public abstract record StageAnswer
{
    [JsonIgnore] public abstract Stage Stage { get; }

    /// <summary>The stage the task moves to when this answer is accepted.</summary>
    [JsonIgnore] public abstract Stage NextStage { get; }

    /// <summary>Field errors (key = field, value = resource key of the message); empty when the answer is complete.</summary>
    public abstract IReadOnlyDictionary<string, string> Validate();
}

/// <summary>プレWG screening: the six basic items of the policy, the volume, and keep/exclude.</summary>
public sealed record PreWgAnswer : StageAnswer
{
    public const int MaxReasonLength = 500;

    /// <summary>定例・定型・簡易: routine, standard, simple work (presumed consolidatable).</summary>
    public bool Routine { get; init; }

    /// <summary>高度な折衝・臨機応変な対応: needs high-level negotiation or case-by-case judgement.</summary>
    public bool HighLevelNegotiation { get; init; }

    /// <summary>紙媒体・来庁前提: premised on paper applications or office visits.</summary>
    public bool PaperOrVisit { get; init; }

    /// <summary>対象者が事業者: the people served are mainly businesses (basic item 3, second half).</summary>
    public bool BusinessesServed { get; init; }

    /// <summary>
    /// 区役所でサービス提供を行うことでかえって非効率: the ward is the less efficient place to do it (basic item 3, first
    /// half). Optional (null: not answered, or answered before the question was asked).
    /// </summary>
    public bool? LessEfficientAtWard { get; init; }

    public MigrationEffect MigrationEffect { get; init; } = MigrationEffect.Unknown;

    public int? AnnualCases { get; init; }

    public decimal? StaffHours { get; init; }

    public PreWgDecision Decision { get; init; }

    public string? Reason { get; init; }

    /// <summary>
    /// Answered on the batch card (rough selection): only keep / exclude and the reason were asked, so the basic items
    /// above are not answers (false / unknown by default) and are not shown or exported as such.
    /// </summary>
    public bool Rough { get; init; }

    public override Stage Stage => Stage.PreWg;

    public override Stage NextStage => Decision == PreWgDecision.Keep ? Stage.Wg : Stage.Closed;

    public override IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Decision == PreWgDecision.Exclude && string.IsNullOrWhiteSpace(Reason))
        {
            errors[nameof(Reason)] = AnswerErrors.ReasonRequired;
        }

        AnswerErrors.CheckLength(errors, nameof(Reason), Reason, MaxReasonLength);
        AnswerErrors.CheckVolume(errors, AnnualCases, StaffHours);
        return errors;
    }
}

/// <summary>WG scrutiny with the bureau: issues, destination, partial consolidation, and the decision.</summary>
public sealed record WgAnswer : StageAnswer
{
    public const int MaxIssuesLength = 1000;
    public const int MaxDestinationNoteLength = 200;

    public WgDecision Decision { get; init; }

    /// <summary>課題: the issues found.</summary>
    public string? Issues { get; init; }

    /// <summary>A suggested destination, if one fits (optional: the policy names no list of destinations).</summary>
    public Destination? Destination { get; init; }

    /// <summary>集約先: where the work would go, in the respondent's words (optional; not a gate).</summary>
    public string? DestinationNote { get; init; }

    /// <summary>一部集約: only part of the work would be consolidated.</summary>
    public bool Partial { get; init; }

    /// <summary>すでに集約済: already consolidated.</summary>
    public bool AlreadyConsolidated { get; init; }

    public override Stage Stage => Stage.Wg;

    public override Stage NextStage => Decision == WgDecision.StudyTarget ? Stage.Suitability : Stage.Closed;

    public override IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Decision == WgDecision.NotTarget && string.IsNullOrWhiteSpace(Issues))
        {
            errors[nameof(Issues)] = AnswerErrors.ReasonRequired;
        }

        AnswerErrors.CheckLength(errors, nameof(Issues), Issues, MaxIssuesLength);
        AnswerErrors.CheckLength(errors, nameof(DestinationNote), DestinationNote, MaxDestinationNoteLength);
        return errors;
    }
}

/// <summary>適否: done / continue later (with when to revisit) / closed (with why).</summary>
public sealed record SuitabilityAnswer : StageAnswer
{
    public const int MaxReasonLength = 500;

    public SuitabilityDecision Decision { get; init; }

    public RevisitTrigger? Trigger { get; init; }

    /// <summary>The revisit date when <see cref="Trigger"/> is <see cref="RevisitTrigger.Date"/>.</summary>
    public DateOnly? RevisitDate { get; init; }

    public string? Reason { get; init; }

    /// <summary>
    /// 集約先で必要な体制・予算措置 (basic item 6): the staff and budget the destination would need, for a task going ahead;
    /// settled later in the 推進会議 and 区長会議. Optional.
    /// </summary>
    public string? StaffingBudget { get; init; }

    public override Stage Stage => Stage.Suitability;

    public override Stage NextStage => Stage.Closed;

    public override IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Decision == SuitabilityDecision.ContinueLater && Trigger is null)
        {
            errors[nameof(Trigger)] = AnswerErrors.TriggerRequired;
        }

        if (Decision == SuitabilityDecision.ContinueLater && Trigger == RevisitTrigger.Date && RevisitDate is null)
        {
            errors[nameof(RevisitDate)] = AnswerErrors.DateRequired;
        }

        if (Decision == SuitabilityDecision.Closed && string.IsNullOrWhiteSpace(Reason))
        {
            errors[nameof(Reason)] = AnswerErrors.ReasonRequired;
        }

        AnswerErrors.CheckLength(errors, nameof(Reason), Reason, MaxReasonLength);
        AnswerErrors.CheckLength(errors, nameof(StaffingBudget), StaffingBudget, MaxReasonLength);
        return errors;
    }
}

/// <summary>Resource keys of answer validation messages (shown on the card next to the field).</summary>
public static class AnswerErrors
{
    public const string ReasonRequired = "Error_ReasonRequired";
    public const string TriggerRequired = "Error_TriggerRequired";
    public const string DateRequired = "Error_DateRequired";
    public const string TooLong = "Error_TooLong";
    public const string NotANumber = "Error_NotANumber";
    public const string OutOfRange = "Error_OutOfRange";

    public const int MaxAnnualCases = 10_000_000;
    public const decimal MaxStaffHours = 1_000_000m;

    internal static void CheckLength(Dictionary<string, string> errors, string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors[field] = TooLong;
        }
    }

    internal static void CheckVolume(Dictionary<string, string> errors, int? annualCases, decimal? staffHours)
    {
        if (annualCases is < 0 or > MaxAnnualCases)
        {
            errors["AnnualCases"] = OutOfRange;
        }

        if (staffHours is < 0 or > MaxStaffHours)
        {
            errors["StaffHours"] = OutOfRange;
        }
    }
}
