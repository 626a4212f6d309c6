using System.Text.Json;
using Consolidation.Bot.Conversations;
using Consolidation.Bot.Protocol.Schema;

namespace Consolidation.Bot.Tests.Conversations;

public class ConversationReferenceRecorderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    private static Activity Parse(string json) => JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Activity)!;

    [Fact]
    public void ReferencesIn_PersonalMessage_YieldsUserReference()
    {
        var activity = Parse("""
            {"type":"message","serviceUrl":"https://smba.example/amer/","locale":"ja-JP",
             "from":{"id":"29:1abc","name":"佐藤","aadObjectId":"aad-1"},"recipient":{"id":"28:bot","name":"Bot"},
             "conversation":{"id":"a:1chat","conversationType":"personal","tenantId":"t1"}}
            """);

        var reference = Assert.Single(ConversationReferenceRecorder.ReferencesIn(activity, Now));

        Assert.Equal(ConversationKind.User, reference.Kind);
        Assert.Equal("a:1chat", reference.ConversationId);
        Assert.Equal("https://smba.example/amer/", reference.ServiceUrl);
        Assert.Equal("29:1abc", reference.UserId);
        Assert.Equal("aad-1", reference.AadObjectId);
        Assert.Equal("28:bot", reference.BotId);
        Assert.Equal("t1", reference.TenantId);
        Assert.Equal("ja-JP", reference.Locale);
        Assert.Equal("user|aad-1", ConversationReferenceStore.RowKeyFor(reference));
    }

    [Fact]
    public void ReferencesIn_ChannelThreadMessage_YieldsTeamAndChannelWithoutMessageId()
    {
        var activity = Parse("""
            {"type":"message","serviceUrl":"https://smba.example/","from":{"id":"29:1abc"},"recipient":{"id":"28:bot"},
             "conversation":{"id":"19:c@thread.tacv2;messageid=123","conversationType":"channel","isGroup":true},
             "channelData":{"tenant":{"id":"t1"},"team":{"id":"19:team@thread.tacv2"},"channel":{"id":"19:c@thread.tacv2"}}}
            """);

        var references = ConversationReferenceRecorder.ReferencesIn(activity, Now).ToList();

        Assert.Equal(2, references.Count);
        Assert.Equal(ConversationKind.Team, references[0].Kind);
        Assert.Equal("19:team@thread.tacv2", references[0].ConversationId);
        Assert.Equal(ConversationKind.Channel, references[1].Kind);
        Assert.Equal("19:c@thread.tacv2", references[1].ConversationId);
        Assert.Equal("t1", references[1].TenantId);
    }

    [Theory]
    [InlineData("""{"type":"message","from":{"id":"29:1"},"conversation":{"id":"a:1","conversationType":"personal","tenantId":"t"}}""")]
    [InlineData("""{"type":"message","serviceUrl":"https://s/","from":{"id":"29:1"},"conversation":{"id":"a:1","conversationType":"personal"}}""")]
    [InlineData("""{"type":"message","serviceUrl":"https://s/","from":{"id":"29:1"},"conversation":{"id":"19:g@thread.v2","conversationType":"groupChat","tenantId":"t"}}""")]
    [InlineData("""{"type":"installationUpdate","action":"remove","serviceUrl":"https://s/","from":{"id":"29:1"},"conversation":{"id":"a:1","conversationType":"personal","tenantId":"t"}}""")]
    public void ReferencesIn_IncompleteGroupOrUninstall_YieldsNothing(string json)
    {
        Assert.Empty(ConversationReferenceRecorder.ReferencesIn(Parse(json), Now));
    }

    [Theory]
    [InlineData("19:abc@thread.tacv2;messageid=1795466981841", "19:abc@thread.tacv2")]
    [InlineData("19:abc@thread.tacv2", "19:abc@thread.tacv2")]
    public void BaseConversationId_StripsThreadSuffix(string id, string expected)
    {
        Assert.Equal(expected, ConversationReferenceRecorder.BaseConversationId(id));
    }
}
