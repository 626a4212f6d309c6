namespace Consolidation.Bot.Import;

/// <summary>Stable codes of <see cref="ImportError"/>, for callers that act on the kind of problem.</summary>
public static class ImportErrorCodes
{
    /// <summary>The file name has an extension other than .csv or .xlsx.</summary>
    public const string UnsupportedFile = "UnsupportedFile";

    /// <summary>The file could not be read as CSV or as an Excel workbook.</summary>
    public const string UnreadableFile = "UnreadableFile";

    /// <summary>The file is larger than <see cref="ImportLimits.MaxFileBytes"/>; nothing of it was read.</summary>
    public const string FileTooLarge = "FileTooLarge";

    /// <summary>The workbook's parts unzip to more than <see cref="ImportLimits.MaxUncompressedBytes"/>.</summary>
    public const string WorkbookTooLarge = "WorkbookTooLarge";

    /// <summary>The sheet's used range goes past <see cref="ImportLimits.MaxRows"/> rows or <see cref="ImportLimits.MaxColumns"/> columns.</summary>
    public const string RangeTooLarge = "RangeTooLarge";

    /// <summary>A CSV file that is neither UTF-8 nor Shift_JIS.</summary>
    public const string UnknownEncoding = "UnknownEncoding";

    /// <summary>A task id with a character that cannot be part of a storage key (| / \ # ? or a control character).</summary>
    public const string BadTaskId = "BadTaskId";

    /// <summary>The same Entra object id on two member rows.</summary>
    public const string DuplicateObjectId = "DuplicateObjectId";

    /// <summary>The file has no header row.</summary>
    public const string EmptyFile = "EmptyFile";

    /// <summary>A required column is missing from the header row (reported on row 1).</summary>
    public const string MissingColumn = "MissingColumn";

    /// <summary>A required cell is empty.</summary>
    public const string Required = "Required";

    public const string UnknownSubcommittee = "UnknownSubcommittee";
    public const string DuplicateId = "DuplicateId";
    public const string BadInteger = "BadInteger";
    public const string BadDecimal = "BadDecimal";
    public const string OutOfRange = "OutOfRange";
    public const string UnknownTheme = "UnknownTheme";
    public const string BadEmail = "BadEmail";
    public const string UnknownRole = "UnknownRole";
    public const string DuplicateEmail = "DuplicateEmail";
    public const string UnknownAssignee = "UnknownAssignee";
    public const string BadObjectId = "BadObjectId";
}
