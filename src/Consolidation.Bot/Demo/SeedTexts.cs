namespace Consolidation.Bot.Demo;

/// <summary>The Japanese free text of the seed answers (reasons, issues), as a ward head or bureau would write them.</summary>
internal static class SeedTexts
{
    public const string ExcludeDisaster = "災害時に区で即応する必要があるため";
    public const string ExcludeFewCases = "件数が少なく効果が見込めないため";
    public const string ExcludeLocal = "地域の実情に即した対応が必要なため（ニア・イズ・ベター）";
    public const string ExcludeMigration = "標準準拠システムへの移行により事務そのものが大きく変わるため";
    public const string ExcludeFaceToFace = "区民との対面対応が不可欠なため";

    public static readonly string[] ExcludeJudgement =
    [
        "高度な折衝が必要なため",
        "臨機応変な対応が必要なため",
        "個別の事情に応じた専門的な判断が必要なため",
    ];

    public static readonly string[] ExcludeOther =
    [
        "すでに所管局で一元的に実施しているため",
        "区長の権限に属する事務であるため",
        "他の事務と一体で実施しており切り出しが困難なため",
    ];

    public const string KeepRoutine = "定例・定型的な事務であり、集約化等を前提に検討するため";
    public const string KeepVolume = "件数が多く、集約化による効果が見込まれるため";
    public const string KeepMigration = "標準準拠システムへの移行に合わせて見直しが可能なため";
    public const string KeepPaper = "紙媒体での申請が中心であり、デジタル化と合わせて検討するため";
    public const string KeepBusinesses = "対象が事業者であり、合理的な実施場所を検討するため";

    public static readonly string[] StudyIssues =
    [
        "集約先での体制確保と予算措置が必要",
        "標準準拠システム移行後の業務フローとの整合を図る必要がある",
        "区ごとに異なる様式・手順の統一が必要",
        "本人確認の方法と区役所の受付との役割分担の整理が必要",
        "電子申請の導入と合わせた見直しが必要",
        "専門性を持つ職員の確保が課題",
    ];

    public const string NotTargetAlreadyConsolidated = "すでに所管局で集約して実施しており、区役所に残る事務はわずかであるため";

    public static readonly string[] NotTargetIssues =
    [
        "区ごとに運用が大きく異なり、集約の前に事務の標準化が必要なため",
        "本人確認や対面での聞き取りが不可欠で、集約による効率化が見込めないため",
        "集約しても区役所での受付が残り、二重の手間が生じるため",
        "件数が少なく、集約化による効果が限定的なため",
    ];

    public static readonly string[] ClosedReasons =
    [
        "集約化等による効率化の効果が限定的であるため",
        "区の実情に応じたきめ細かな対応が必要なため",
        "オンライン申請の普及により区役所での取扱いが大幅に減少したため",
        "法令上、区長の権限として実施する必要があるため",
    ];

    public const string ClosedAbolished = "標準準拠システムへの移行により事務そのものが廃止される見込みのため";

    public const string ContinueBpr = "自治体システム標準化のBPRの中で、集約化等の視点を含めて検討する";
    public const string ContinueRule = "制度改正の動向を踏まえて検討する";
    public const string ContinueDx = "区役所DXの進展に合わせて検討する";
    public const string ContinueDate = "時期を定めて改めて検討する";
}
