using Consolidation.Bot.Import;

namespace Consolidation.Bot.Export;

/// <summary>Sheet names and Japanese column headers of the review workbook.</summary>
public static class ExportHeaders
{
    public const string TasksSheet = "事務一覧";
    public const string FunnelSheet = "部会別集計";
    public const string HistorySheet = "回答履歴";

    /// <summary>
    /// The task sheet. The import columns carry the importer's Japanese header names, so the sheet can be
    /// imported again; 担当者 is the email (as imported) and 担当者名 the display name next to it. The answer columns
    /// (<see cref="OutcomeCells"/>) come last.
    /// </summary>
    public static IReadOnlyList<string> Tasks { get; } =
    [
        TaskColumns.Id.Japanese, TaskColumns.Name.Japanese, TaskColumns.Bureau.Japanese, TaskColumns.Subcommittee.Japanese,
        TaskColumns.Assignee.Japanese, "担当者名", "段階", "判断", "最終回答日時", "期限",
        TaskColumns.Theme.Japanese, TaskColumns.StandardBusiness.Japanese, TaskColumns.AnnualCases.Japanese, TaskColumns.StaffHours.Japanese,
        .. OutcomeCells.Headers,
    ];

    public static IReadOnlyList<string> Funnel { get; } =
    [
        "部会", "事務数", "プレWG残す", "プレWG除外", "プレWG未回答", "WG検討対象", "WG対象外", "WG未回答",
        "集約化等実施済", "引き続き検討予定", "検討終了", "適否未回答",
    ];

    public static IReadOnlyList<string> History { get; } = ["事務ID", "日時", "回答者", "種別", "段階", "カード版", "内容", "期限後"];

    /// <summary>The label of the funnel sheet's last row.</summary>
    public const string Total = "合計";
}
