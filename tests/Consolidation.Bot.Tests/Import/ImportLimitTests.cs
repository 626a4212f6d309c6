using System.IO.Compression;
using ClosedXML.Excel;
using Consolidation.Bot.Import;
using static Consolidation.Bot.Tests.Import.ImportFiles;

namespace Consolidation.Bot.Tests.Import;

/// <summary>Bounded input: files and workbooks past the limits, and undecodable text, are refused before they are parsed.</summary>
public class ImportLimitTests
{
    [Theory]
    [InlineData("tasks.csv")]
    [InlineData("tasks.xlsx")]
    public void Read_FileOf30Megabytes_RefusedAsTooLargeWithoutReadingIt(string name)
    {
        using var stream = new CountingStream(30L * 1024 * 1024);

        var result = ReviewFileImporter.Read(stream, name, null, null, NoKnownEmails, Japanese);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ImportErrorCodes.FileTooLarge, error.Code);
        Assert.Contains("大きすぎます（上限 20 MB）", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Tasks);
        Assert.Equal(0, stream.BytesRead); // the length alone decided it
    }

    [Fact]
    public void Read_UnseekableStreamPastTheLimit_StopsReadingAtTheLimit()
    {
        using var stream = new CountingStream(30L * 1024 * 1024, seekable: false);

        var result = ReviewFileImporter.Read(stream, "tasks.csv", null, null, NoKnownEmails, English);

        Assert.Equal(ImportErrorCodes.FileTooLarge, Assert.Single(result.Errors).Code);
        Assert.InRange(stream.BytesRead, ImportLimits.MaxFileBytes, ImportLimits.MaxFileBytes + 81920);
    }

    [Fact]
    public void Read_WorkbookWithAValueInTheLastCell_RefusedNamingTheRange()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Sheet1");
        for (var c = 0; c < JapaneseTasks[0].Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(JapaneseTasks[0][c]);
        }

        sheet.Cell(1_048_576, 16_384).SetValue("x");
        using var file = new MemoryStream();
        workbook.SaveAs(file);

        var result = ReadFiles(file.ToArray(), "tasks.xlsx", culture: Japanese);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ImportErrorCodes.RangeTooLarge, error.Code);
        Assert.Contains("XFD1048576", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Tasks);
    }

    [Fact]
    public void Read_WorkbookThatUnzipsToMoreThanTheLimit_RefusedBeforeItIsOpened()
    {
        // A valid workbook plus one part of 210 MB of zeros: a few hundred KB on disk.
        using var file = new MemoryStream();
        file.Write(Xlsx(JapaneseTasks));
        using (var zip = new ZipArchive(file, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var part = zip.CreateEntry("xl/media/padding.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 210; i++)
            {
                part.Write(zeros);
            }
        }

        Assert.True(file.Length < ImportLimits.MaxFileBytes);
        var result = ReadFiles(file.ToArray(), "tasks.xlsx");

        Assert.Equal(ImportErrorCodes.WorkbookTooLarge, Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData(new byte[] { 0x81, 0x20, 0x41, 0x0D, 0x0A })] // a Shift_JIS lead byte with an invalid trail byte
    [InlineData(new byte[] { 0x41, 0x2C, 0x42, 0x81 })] // a lead byte at the very end
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0xC3, 0x28 })] // a UTF-8 BOM followed by invalid UTF-8
    public void Read_CsvNeitherUtf8NorShiftJis_IsAnErrorNotMojibake(byte[] bytes)
    {
        var result = ReadFiles(bytes, "tasks.csv", culture: Japanese);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ImportErrorCodes.UnknownEncoding, error.Code);
        Assert.Contains("UTF-8 でも Shift_JIS でもありません", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("J|0001", "|")]
    [InlineData("J/0001", "/")]
    [InlineData("J#1?", "# ?")]
    [InlineData("J%20", "%")]
    public void Read_TaskIdWithAKeyBreakingCharacter_IsARowError(string id, string shown)
    {
        string[][] rows = [JapaneseTasks[0], [id, "事務", "市民局", "福祉", "minami@city.example.jp", "", "", "", ""]];

        var result = ImportCsv(rows, English);

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, ImportErrorCodes.BadTaskId), (error.Row, error.Code));
        Assert.Contains($"({shown})", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Tasks);
    }

    /// <summary>A stream of <paramref name="length"/> bytes that counts what was read of it.</summary>
    private sealed class CountingStream(long length, bool seekable = true) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => seekable;

        public override bool CanWrite => false;

        public override long Length => seekable ? length : throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            Array.Fill(buffer, (byte)'a', offset, n);
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
