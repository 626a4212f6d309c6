using System.Globalization;

namespace Consolidation.Bot.Import;

/// <summary>The user-facing texts of import errors, in Japanese or English.</summary>
internal static class ImportMessages
{
    /// <summary>English for an <c>en*</c> culture, Japanese otherwise (the bot's rule, see BotCultures).</summary>
    public static bool IsJapanese(CultureInfo culture) => culture.TwoLetterISOLanguageName != "en";

    /// <summary><c>row 3, subcommittee: …</c> / <c>3行目 部会: …</c>; a whole-file problem (row 0) names the file.</summary>
    public static string Format(bool japanese, string file, int row, string column, string text) => (japanese, row) switch
    {
        (true, 0) => $"ファイル {file}: {text}",
        (false, 0) => $"file {file}: {text}",
        (true, _) => $"{row}行目 {column}: {text}",
        _ => $"row {row}, {column}: {text}",
    };

    public static string Text(string code, bool japanese, string a = "", string b = "") => japanese ? Japanese(code, a, b) : English(code, a, b);

    private static string Japanese(string code, string a, string b) => code switch
    {
        ImportErrorCodes.UnsupportedFile => $"対応していないファイル形式「{a}」です（.csv または .xlsx）",
        ImportErrorCodes.UnreadableFile => $"ファイルを読み取れません（{a}）",
        ImportErrorCodes.FileTooLarge => $"ファイルが大きすぎます（上限 {a}）。読み込んでいません",
        ImportErrorCodes.WorkbookTooLarge => $"ブックを展開すると大きすぎます（上限 {a}）。読み込んでいません",
        ImportErrorCodes.RangeTooLarge => $"シートの使用範囲が {a} まであり大きすぎます（上限 {ImportLimits.MaxRows:N0}行・{ImportLimits.MaxColumns}列）。不要な行・列の値や書式を削除してください",
        ImportErrorCodes.UnknownEncoding => "文字コードを判別できません（UTF-8 でも Shift_JIS でもありません）。UTF-8 で保存し直してください",
        ImportErrorCodes.BadTaskId => $"事務ID「{a}」に使えない文字（{b}）が含まれています",
        ImportErrorCodes.DuplicateObjectId => $"オブジェクトID「{a}」が重複しています（最初は{b}行目）",
        ImportErrorCodes.EmptyFile => "見出し行がありません",
        ImportErrorCodes.MissingColumn => $"必須の列「{a}」がありません",
        ImportErrorCodes.Required => "値が入力されていません",
        ImportErrorCodes.UnknownSubcommittee => $"不明な部会「{a}」です",
        ImportErrorCodes.DuplicateId => $"事務ID「{a}」が重複しています（最初は{b}行目）",
        ImportErrorCodes.BadInteger => $"「{a}」は0以上の整数ではありません",
        ImportErrorCodes.BadDecimal => $"「{a}」は0以上の数値ではありません",
        ImportErrorCodes.OutOfRange => $"「{a}」は上限（{b}）を超えています",
        ImportErrorCodes.UnknownTheme => $"不明な先行検討テーマ「{a}」です",
        ImportErrorCodes.BadEmail => $"メールアドレス「{a}」が正しくありません",
        ImportErrorCodes.UnknownRole => $"不明な役割「{a}」です（担当区長・部会長・事務局・推進会議・全体総括のいずれか）",
        ImportErrorCodes.DuplicateEmail => $"メールアドレス「{a}」が重複しています（最初は{b}行目）",
        ImportErrorCodes.UnknownAssignee => $"担当者「{a}」がメンバーに登録されていません",
        ImportErrorCodes.BadObjectId => $"オブジェクトID「{a}」がGUIDの形式ではありません",
        _ => code,
    };

    private static string English(string code, string a, string b) => code switch
    {
        ImportErrorCodes.UnsupportedFile => $"unsupported file type '{a}' (use .csv or .xlsx)",
        ImportErrorCodes.UnreadableFile => $"the file cannot be read ({a})",
        ImportErrorCodes.FileTooLarge => $"the file is too large (limit {a}); nothing was read",
        ImportErrorCodes.WorkbookTooLarge => $"the workbook unzips to too much data (limit {a}); nothing was read",
        ImportErrorCodes.RangeTooLarge => $"the sheet's used range reaches {a}, too large (limit {ImportLimits.MaxRows:N0} rows, {ImportLimits.MaxColumns} columns); delete values or formatting in unused rows and columns",
        ImportErrorCodes.UnknownEncoding => "the text encoding is neither UTF-8 nor Shift_JIS; save the file as UTF-8",
        ImportErrorCodes.BadTaskId => $"task id '{a}' contains a character that cannot be used ({b})",
        ImportErrorCodes.DuplicateObjectId => $"duplicate object id '{a}' (first on row {b})",
        ImportErrorCodes.EmptyFile => "the file has no header row",
        ImportErrorCodes.MissingColumn => $"missing column '{a}'",
        ImportErrorCodes.Required => "a value is required",
        ImportErrorCodes.UnknownSubcommittee => $"unknown subcommittee '{a}'",
        ImportErrorCodes.DuplicateId => $"duplicate id '{a}' (first on row {b})",
        ImportErrorCodes.BadInteger => $"'{a}' is not a non-negative integer",
        ImportErrorCodes.BadDecimal => $"'{a}' is not a non-negative number",
        ImportErrorCodes.OutOfRange => $"'{a}' is above the limit ({b})",
        ImportErrorCodes.UnknownTheme => $"unknown preceding theme '{a}'",
        ImportErrorCodes.BadEmail => $"invalid email address '{a}'",
        ImportErrorCodes.UnknownRole => $"unknown role '{a}' (use member, lead, secretariat or council)",
        ImportErrorCodes.DuplicateEmail => $"duplicate email '{a}' (first on row {b})",
        ImportErrorCodes.UnknownAssignee => $"unknown assignee '{a}' (not among the members)",
        ImportErrorCodes.BadObjectId => $"object id '{a}' is not a GUID",
        _ => code,
    };
}
