using System.IO.Compression;

namespace Consolidation.Bot.Import;

/// <summary>
/// What an import reads at most, checked before the content is parsed, so a wrong or hostile file gets a clear answer
/// instead of exhausting the machine: the file itself (20 MB: a 100,000-task workbook is about 5 MB), a workbook's
/// uncompressed parts (a "zip bomb" is small on disk), and a sheet's used range (one value in the last cell, XFD1048576,
/// makes a tiny file whose range is 17 billion cells).
/// </summary>
public static class ImportLimits
{
    public const long MaxFileBytes = 20L * 1024 * 1024;
    public const long MaxUncompressedBytes = 200L * 1024 * 1024;
    public const int MaxRows = 200_000;
    public const int MaxColumns = 200;

    /// <summary>The sum of a workbook's parts as unzipped, read from the zip directory without inflating anything.</summary>
    public static long UncompressedSize(Stream xlsx)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        var start = xlsx.Position;
        try
        {
            using var zip = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
            return zip.Entries.Sum(e => e.Length);
        }
        finally
        {
            xlsx.Position = start;
        }
    }
}
