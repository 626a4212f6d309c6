using System.IO.Compression;
using System.IO.Packaging;
using DocumentFormat.OpenXml.Packaging;

namespace Consolidation.Bot.Import;

/// <summary>
/// Reads a .csv or .xlsx file into an <see cref="ImportTable"/>, choosing the format by the file's extension, within
/// <see cref="ImportLimits"/>: the size is checked before anything is read, a workbook's uncompressed size before it is
/// opened, and its used range before its cells are read.
/// </summary>
public static class TableFileReader
{
    public static TableReadResult Read(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName ?? "").ToUpperInvariant();
        if (extension is not (".CSV" or ".XLSX"))
        {
            return TableReadResult.Failure(ImportErrorCodes.UnsupportedFile, extension.Length == 0 ? fileName ?? "" : extension.ToLowerInvariant());
        }

        try
        {
            if (ReadAtMost(content, ImportLimits.MaxFileBytes) is not { } bytes)
            {
                return TableReadResult.Failure(ImportErrorCodes.FileTooLarge, Megabytes(ImportLimits.MaxFileBytes));
            }

            return extension == ".CSV" ? ReadCsv(bytes) : ReadXlsx(bytes);
        }
        catch (Exception ex) when (ex is InvalidDataException or FileFormatException or OpenXmlPackageException
            or InvalidOperationException or ArgumentException or FormatException or IOException)
        {
            return TableReadResult.Failure(ImportErrorCodes.UnreadableFile, ex.GetType().Name);
        }
    }

    private static TableReadResult ReadCsv(byte[] bytes) =>
        CsvTextDecoder.TryDecode(bytes) is { } text
            ? TableReadResult.Success(CsvTableReader.Read(text))
            : TableReadResult.Failure(ImportErrorCodes.UnknownEncoding, "");

    private static TableReadResult ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        if (ImportLimits.UncompressedSize(stream) > ImportLimits.MaxUncompressedBytes)
        {
            return TableReadResult.Failure(ImportErrorCodes.WorkbookTooLarge, Megabytes(ImportLimits.MaxUncompressedBytes));
        }

        return XlsxTableReader.Read(stream);
    }

    /// <summary>The whole content, or null as soon as it exceeds <paramref name="limit"/> bytes (never more is read).</summary>
    private static byte[]? ReadAtMost(Stream content, long limit)
    {
        if (content.CanSeek && content.Length - content.Position > limit)
        {
            return null;
        }

        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > limit)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    private static string Megabytes(long bytes) => (bytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture) + " MB";
}
