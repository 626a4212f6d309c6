using System.Net;
using System.Text.Json.Nodes;
using Consolidation.Bot.Protocol.Tests.Auth;
using Consolidation.Bot.Protocol.Tests.TestData;

namespace Consolidation.Bot.Protocol.Tests.Inbound;

/// <summary>The tenant gate, exercised in development mode (it applies there too).</summary>
public class TenantGateEndpointTests
{
    [Fact]
    public async Task Post_TenantNotInAllowedTenants_Returns403AndNotProcessed()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:AllowedTenants:0"] = TestTokens.TenantId,
        });

        var response = await host.PostAsync(TestActivities.Message(tenantId: TestTokens.OtherTenantId).ToJsonString());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Empty(host.Processor.Calls);
    }

    [Fact]
    public async Task Post_TenantOtherThanConfiguredTenantId_Returns403()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:TenantId"] = TestTokens.TenantId,
        });

        var response = await host.PostAsync(TestActivities.Message(tenantId: TestTokens.OtherTenantId).ToJsonString());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Empty(host.Processor.Calls);
    }

    [Fact]
    public async Task Post_NoTenantWhileGateActive_Returns403()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:AllowedTenants:0"] = TestTokens.TenantId,
        });

        var response = await host.PostAsync(TestActivities.Message(tenantId: null).ToJsonString());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Post_AllowedTenantDifferentCase_Returns200()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:AllowedTenants:0"] = TestTokens.TenantId.ToUpperInvariant(),
        });

        var response = await host.PostAsync(TestActivities.Message().ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_TenantOnlyInChannelData_IsUsedForGate()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:AllowedTenants:0"] = TestTokens.OtherTenantId,
        });
        var activity = JsonNode.Parse(Fixtures.ActivityJson("teams-docs/message_personal.json"))!.AsObject();
        var channelTenant = activity["channelData"]!["tenant"]!["id"]!.GetValue<string>();
        Assert.Null(activity["conversation"]!["tenantId"]);

        var rejected = await host.PostAsync(activity.ToJsonString());
        activity["channelData"]!["tenant"]!["id"] = TestTokens.OtherTenantId;
        var accepted = await host.PostAsync(activity.ToJsonString());

        Assert.NotEqual(TestTokens.OtherTenantId, channelTenant);
        Assert.Equal(HttpStatusCode.Forbidden, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Post_NoTenantConfiguration_AnyTenantAccepted()
    {
        await using var host = await BotTestHost.StartAsync();

        var response = await host.PostAsync(TestActivities.Message(tenantId: TestTokens.OtherTenantId).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
