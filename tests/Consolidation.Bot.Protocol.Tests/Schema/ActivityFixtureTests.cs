using System.Text.Json;
using System.Text.Json.Nodes;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Protocol.Tests.TestData;

namespace Consolidation.Bot.Protocol.Tests.Schema;

public class ActivityFixtureTests
{
    public static TheoryData<string> FixtureNames() => [.. Fixtures.Names()];

    [Fact]
    public void Fixtures_Copied_BothSetsPresent()
    {
        var names = Fixtures.Names().ToList();
        Assert.Contains(names, n => n.StartsWith("playground/", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("teams-docs/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Deserialize_Fixture_HasRequiredFields(string name)
    {
        var activity = JsonSerializer.Deserialize(Fixtures.ActivityJson(name), ProtocolJsonContext.Default.Activity);

        Assert.NotNull(activity);
        Assert.False(string.IsNullOrEmpty(activity.Type));
        Assert.False(string.IsNullOrEmpty(activity.Conversation?.Id));
        Assert.False(string.IsNullOrEmpty(activity.ServiceUrl));
        Assert.NotNull(activity.From);
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Serialize_RoundTrippedFixture_EqualsInputTree(string name)
    {
        var json = Fixtures.ActivityJson(name);
        var activity = JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Activity)!;

        var written = JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity);

        JsonTreeAssert.Equal(JsonNode.Parse(json), JsonNode.Parse(written));
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Serialize_RoundTrippedFixture_WritesNoNullLiteral(string name)
    {
        var activity = JsonSerializer.Deserialize(Fixtures.ActivityJson(name), ProtocolJsonContext.Default.Activity)!;

        var written = JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity);

        JsonTreeAssert.NoNulls(JsonNode.Parse(written));
    }
}
