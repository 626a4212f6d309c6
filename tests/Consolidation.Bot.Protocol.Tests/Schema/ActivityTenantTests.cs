using Consolidation.Bot.Protocol.Schema;

namespace Consolidation.Bot.Protocol.Tests.Schema;

/// <summary>The one rule for an activity's tenant (the gate, the turn, references and log scopes all use it).</summary>
public class ActivityTenantTests
{
    [Theory]
    [InlineData("t-conv", "t-data", "t-conv")]
    [InlineData(null, "t-data", "t-data")]
    [InlineData("  ", "t-data", "t-data")]
    [InlineData(null, null, null)]
    [InlineData("", " ", null)]
    public void TenantIdOf_ConversationFirstThenChannelData(string? conversation, string? channelData, string? expected)
    {
        var activity = new Activity
        {
            Conversation = new ConversationAccount { Id = "a:1", TenantId = conversation },
            ChannelData = channelData is null ? null : new TeamsChannelData { Tenant = new TeamsIdentifier { Id = channelData } },
        };

        Assert.Equal(expected, ActivityTenant.TenantIdOf(activity));
    }
}
