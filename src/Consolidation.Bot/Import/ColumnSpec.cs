namespace Consolidation.Bot.Import;

/// <summary>A column of an import file: a key, its English and Japanese header names, and whether it is required.</summary>
public sealed record ColumnSpec(string Key, string English, string Japanese, bool Required)
{
    public string Header(bool japanese) => japanese ? Japanese : English;
}

/// <summary>The columns of the task file: <c>id,name,bureau,subcommittee,assignee</c> then the optional ones.</summary>
public static class TaskColumns
{
    public static readonly ColumnSpec Id = new("id", "id", "事務ID", true);
    public static readonly ColumnSpec Name = new("name", "name", "事務名", true);
    public static readonly ColumnSpec Bureau = new("bureau", "bureau", "所管局", true);
    public static readonly ColumnSpec Subcommittee = new("subcommittee", "subcommittee", "部会", true);
    public static readonly ColumnSpec Assignee = new("assignee", "assignee", "担当者", true);
    public static readonly ColumnSpec Theme = new("theme", "theme", "先行検討テーマ", false);
    public static readonly ColumnSpec StandardBusiness = new("standard_business", "standard_business", "標準化対象事務", false);
    public static readonly ColumnSpec AnnualCases = new("annual_cases", "annual_cases", "年間件数", false);
    public static readonly ColumnSpec StaffHours = new("staff_hours", "staff_hours", "従事時間", false);

    public static IReadOnlyList<ColumnSpec> All { get; } =
        [Id, Name, Bureau, Subcommittee, Assignee, Theme, StandardBusiness, AnnualCases, StaffHours];
}

/// <summary>The columns of the member file: <c>email,name,role,subcommittee</c> and the optional object id and bureau.</summary>
public static class MemberColumns
{
    public static readonly ColumnSpec Email = new("email", "email", "メールアドレス", true);
    public static readonly ColumnSpec Name = new("name", "name", "氏名", true);
    public static readonly ColumnSpec Role = new("role", "role", "役割", true);
    public static readonly ColumnSpec Subcommittee = new("subcommittee", "subcommittee", "部会", true);
    public static readonly ColumnSpec AadObjectId = new("aad_object_id", "aad_object_id", "オブジェクトID", false);

    /// <summary>For a bureau contact (role 所管部局 / bureau): the bureau they speak for, as the task file's 所管局 names it.</summary>
    public static readonly ColumnSpec Bureau = new("bureau", "bureau", "所管局", false);

    /// <summary>How the name reads, in kana (optional): status questions may name the person by it (さとうさんの未回答).</summary>
    public static readonly ColumnSpec Reading = new("reading", "reading", "よみ", false);

    public static IReadOnlyList<ColumnSpec> All { get; } = [Email, Name, Role, Subcommittee, AadObjectId, Bureau, Reading];
}
