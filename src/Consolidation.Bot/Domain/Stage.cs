namespace Consolidation.Bot.Domain;

/// <summary>The screening stages of the review, in order. A task moves forward only by a decision.</summary>
public enum Stage
{
    /// <summary>区役所実施事務調査: the task is in the inventory, not yet screened.</summary>
    Inventory,

    /// <summary>プレWG: rough screening, keep as a candidate or exclude.</summary>
    PreWg,

    /// <summary>WG: scrutiny with the bureau in charge, study target or not.</summary>
    Wg,

    /// <summary>適否: suitability, done / continue later / closed.</summary>
    Suitability,

    /// <summary>
    /// 判断済: no further screening in this review (excluded at プレWG, not a study target at WG, or any of the three 適否
    /// outcomes). Not named after an outcome: 検討終了 is one of the three, and 集約化等実施済 / 引き続き検討予定 tasks are not
    /// "closed". Screens show the outcome beside it (<c>CardText.StageWithOutcome</c>). The enum name stays as stored.
    /// </summary>
    Closed,
}

public static class Stages
{
    /// <summary>The three stages that ask a question.</summary>
    public static IReadOnlyList<Stage> Screening { get; } = [Stage.PreWg, Stage.Wg, Stage.Suitability];

}
