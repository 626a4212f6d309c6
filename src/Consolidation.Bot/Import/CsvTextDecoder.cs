using System.Text;
using System.Text.Unicode;

namespace Consolidation.Bot.Import;

/// <summary>
/// Decodes a CSV file's bytes: a UTF-8 byte order mark means UTF-8; bytes that are valid UTF-8 are UTF-8; bytes that
/// are valid Shift_JIS (code page 932, as Excel saves "CSV (comma delimited)" on Japanese Windows) are Shift_JIS;
/// anything else is refused rather than read as mojibake.
/// </summary>
public static class CsvTextDecoder
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Windows-31J, the Shift_JIS that Japanese Windows writes, from the code-page provider (no global registration).</summary>
    public static Encoding ShiftJis { get; } = CodePagesEncodingProvider.Instance.GetEncoding(932)
        ?? throw new InvalidOperationException("Code page 932 (Shift_JIS) is not available.");

    /// <summary>Shift_JIS that throws on a byte sequence it does not define, instead of putting U+FFFD in its place.</summary>
    private static readonly Encoding StrictShiftJis = CodePagesEncodingProvider.Instance.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
        ?? throw new InvalidOperationException("Code page 932 (Shift_JIS) is not available.");

    public static Encoding Detect(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(Utf8Bom) || Utf8.IsValid(bytes) ? Encoding.UTF8 : ShiftJis;

    /// <summary>The text, or null when the bytes are neither UTF-8 nor Shift_JIS.</summary>
    public static string? TryDecode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Utf8Bom))
        {
            var body = bytes[Utf8Bom.Length..];
            return Utf8.IsValid(body) ? Encoding.UTF8.GetString(body) : null;
        }

        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        try
        {
            return StrictShiftJis.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    public static string Decode(ReadOnlySpan<byte> bytes) =>
        TryDecode(bytes) ?? throw new FormatException("The bytes are neither UTF-8 nor Shift_JIS.");
}
