using System.Text;
using System.Text.Unicode;

namespace Consolidation.Bot.Import;

/// <summary>
/// Decodes a CSV file's bytes: a UTF-8 byte order mark means UTF-8; bytes that are valid UTF-8 are UTF-8;
/// anything else is Shift_JIS (code page 932, as Excel saves "CSV (comma delimited)" on Japanese Windows).
/// </summary>
public static class CsvTextDecoder
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Windows-31J, the Shift_JIS that Japanese Windows writes, from the code-page provider (no global registration).</summary>
    public static Encoding ShiftJis { get; } = CodePagesEncodingProvider.Instance.GetEncoding(932)
        ?? throw new InvalidOperationException("Code page 932 (Shift_JIS) is not available.");

    public static Encoding Detect(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(Utf8Bom) || Utf8.IsValid(bytes) ? Encoding.UTF8 : ShiftJis;

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Utf8Bom))
        {
            return Encoding.UTF8.GetString(bytes[Utf8Bom.Length..]);
        }

        return Detect(bytes).GetString(bytes);
    }
}
