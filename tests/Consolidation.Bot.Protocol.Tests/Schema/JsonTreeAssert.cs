using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Consolidation.Bot.Protocol.Tests.Schema;

/// <summary>Structural JSON comparison with a path in the failure message; timestamps compare as instants.</summary>
internal static class JsonTreeAssert
{
    private static readonly HashSet<string> TimestampNames = ["timestamp", "localTimestamp"];

    public static void Equal(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {actual?.ToJsonString()}");
                break;
            case JsonObject expectedObject:
                var actualObject = Assert.IsType<JsonObject>(actual, exactMatch: false);
                Assert.True(
                    expectedObject.Select(p => p.Key).Order().SequenceEqual(actualObject.Select(p => p.Key).Order()),
                    $"{path}: keys differ: expected [{string.Join(",", expectedObject.Select(p => p.Key))}] got [{string.Join(",", actualObject.Select(p => p.Key))}]");
                foreach (var (key, value) in expectedObject)
                {
                    Equal(value, actualObject[key], $"{path}.{key}");
                }

                break;
            case JsonArray expectedArray:
                var actualArray = Assert.IsType<JsonArray>(actual, exactMatch: false);
                Assert.True(expectedArray.Count == actualArray.Count, $"{path}: array length differs");
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    Equal(expectedArray[i], actualArray[i], $"{path}[{i}]");
                }

                break;
            default:
                AssertValueEqual(expected.AsValue(), actual, path);
                break;
        }
    }

    /// <summary>Fails when any value in the tree is a JSON <c>null</c> literal.</summary>
    public static void NoNulls(JsonNode? node, string path = "$")
    {
        Assert.True(node is not null, $"{path} is null");
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    NoNulls(value, $"{path}.{key}");
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    NoNulls(array[i], $"{path}[{i}]");
                }

                break;
        }
    }

    private static void AssertValueEqual(JsonValue expected, JsonNode? actual, string path)
    {
        var actualValue = Assert.IsType<JsonValue>(actual, exactMatch: false);
        var name = path[(path.LastIndexOf('.') + 1)..];
        if (TimestampNames.Contains(name)
            && expected.GetValueKind() == JsonValueKind.String
            && DateTimeOffset.TryParse(expected.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var when))
        {
            var actualWhen = DateTimeOffset.Parse(actualValue.GetValue<string>(), CultureInfo.InvariantCulture);
            Assert.True(when == actualWhen && when.Offset == actualWhen.Offset, $"{path}: {when:o} != {actualWhen:o}");
            return;
        }

        Assert.True(JsonNode.DeepEquals(expected, actualValue), $"{path}: expected {expected.ToJsonString()} got {actualValue.ToJsonString()}");
    }
}
