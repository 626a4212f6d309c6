using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Consolidation.Bot.IntegrationTests.Infrastructure;

public static class Json
{
    /// <summary>Writes Japanese as is (not <c>\uXXXX</c>), so tests can search JSON text for Japanese words.</summary>
    public static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
}
