using System.IO.Compression;
using System.IO.Packaging;
using DocumentFormat.OpenXml.Packaging;

namespace Consolidation.Bot.Import;

/// <summary>Reads a .csv or .xlsx file into an <see cref="ImportTable"/>, choosing the format by the file's extension.</summary>
public static class TableFileReader
{
    public static TableReadResult Read(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName ?? "").ToUpperInvariant();
        try
        {
            return extension switch
            {
                ".CSV" => TableReadResult.Success(CsvTableReader.Read(ReadAll(content))),
                ".XLSX" => TableReadResult.Success(XlsxTableReader.Read(content)),
                _ => TableReadResult.Failure(ImportErrorCodes.UnsupportedFile, extension.Length == 0 ? fileName ?? "" : extension.ToLowerInvariant()),
            };
        }
        catch (Exception ex) when (ex is InvalidDataException or FileFormatException or OpenXmlPackageException
            or InvalidOperationException or ArgumentException or FormatException or IOException)
        {
            return TableReadResult.Failure(ImportErrorCodes.UnreadableFile, ex.GetType().Name);
        }
    }

    private static byte[] ReadAll(Stream content)
    {
        if (content is MemoryStream memory && memory.Position == 0)
        {
            return memory.ToArray();
        }

        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.ToArray();
    }
}
